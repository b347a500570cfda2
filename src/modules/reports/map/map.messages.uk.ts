import type { Translation } from '../../../platform/i18n';
import type { mapMessages } from './map.messages';

// Українська (Ukrainian): the residents' texts of ./map.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof mapMessages> = {};
