import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// Українська (Ukrainian): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof frontDoorMessages> = {
  'home.actionTitle': 'Повідомити про сміття (Dreckpetze)',
  'home.actionText': 'Незаконне звалище, переповнені урни, великогабаритне сміття (Sperrmüll) на узбіччі: за два кроки, навіть однією рукою на телефоні.',
};
