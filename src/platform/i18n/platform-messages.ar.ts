import type { Translation } from './index';
import type { platformMessages } from './platform-messages';

// العربية (Arabic): the residents' texts of ./platform-messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- ar` (docs/i18n.md).
export const ar: Translation<typeof platformMessages> = {};
