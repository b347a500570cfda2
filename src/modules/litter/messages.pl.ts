import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Polski (Polish): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof messages> = {};
