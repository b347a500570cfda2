import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Українська (Ukrainian): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof messages> = {};
