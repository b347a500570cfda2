import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// Polski (Polish): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof frontDoorMessages> = {
  'home.actionTitle': 'Zgłoś śmieci (Dreckpetze)',
  'home.actionText': 'Dzikie wysypiska, przepełnione kosze, odpady wielkogabarytowe (Sperrmüll) przy drodze: w dwóch krokach, nawet jedną ręką na telefonie.',
};
