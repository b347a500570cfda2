import type { Translation } from './index';
import type { platformMessages } from './platform-messages';

// Українська (Ukrainian): the residents' texts of ./platform-messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof platformMessages> = {};
