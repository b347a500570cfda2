import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// العربية (Arabic): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- ar` (docs/i18n.md).
export const ar: Translation<typeof messages> = {};
