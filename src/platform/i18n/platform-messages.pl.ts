import type { Translation } from './index';
import type { platformMessages } from './platform-messages';

// Polski (Polish): the residents' texts of ./platform-messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof platformMessages> = {};
