import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// Polski (Polish): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof frontDoorMessages> = {
  'home.reportTitle': 'Zgłoś problem',
  'home.reportText': 'Dziura w jezdni, niedziałająca latarnia, zatkana studzienka kanalizacyjna: z lokalizacją i zdjęciem prosto do właściwej jednostki.',
  'home.newest': 'Najnowsze zgłoszenia',
  'home.newestIn': 'Najnowsze zgłoszenia w dzielnicy {district}',
  'home.district': 'Dzielnica (Stadtbezirk)',
  'home.wholeCity': 'Całe miasto',
  'home.show': 'Pokaż',
  'home.none': 'Nie ma tu jeszcze publicznych zgłoszeń.',
  'home.allReports': 'Wszystkie zgłoszenia na mapie i na liście',
  'card.supporters': '{n, plural, one {# osoba to popiera} few {# osoby to popierają} many {# osób to popiera} other {# osoby to popiera}}',
};
