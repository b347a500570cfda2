import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// Türkçe (Turkish): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof frontDoorMessages> = {
  'home.actionTitle': 'Çöp bildir (Dreckpetze)',
  'home.actionText': 'Kaçak dökülen çöp, dolu çöp kutuları, yol kenarındaki hacimli eşya (Sperrmüll): iki adımda, telefonda tek elle bile.',
};
