import type { Translation } from './index';
import type { platformMessages } from './platform-messages';

// Türkçe (Turkish): the residents' texts of ./platform-messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof platformMessages> = {};
