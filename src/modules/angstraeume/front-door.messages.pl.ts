import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// Polski (Polish): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof frontDoorMessages> = {
  'home.reportTitle': 'Zgłoś niebezpieczne miejsce',
  'home.reportText':
    'Miejsce, w którym czują się Państwo niebezpiecznie: ciemne przejście podziemne, zarośnięta ścieżka. Miasto je sprawdza i informuje, co robi.',
  'home.sectionTitle': 'Mapa Angsträume (miejsc, w których czujemy się niebezpiecznie)',
  'home.sectionText':
    '{n, plural, =0 {Żadne miejsce nie zostało jeszcze sprawdzone.} one {# sprawdzone miejsce, ze wszystkimi działaniami i informacją, czy pomogły.} few {# sprawdzone miejsca, ze wszystkimi działaniami i informacją, czy pomogły.} many {# sprawdzonych miejsc, ze wszystkimi działaniami i informacją, czy pomogły.} other {# sprawdzonego miejsca, ze wszystkimi działaniami i informacją, czy pomogły.}}',
  'home.mapLink': 'Przejdź do mapy Angsträume',
  'home.statsLink': 'Angsträume i śmieci w liczbach',
};
