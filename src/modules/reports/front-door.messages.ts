import type { Catalogue } from '../../platform/i18n';
import { ar } from './front-door.messages.ar';
import { pl } from './front-door.messages.pl';
import { tr } from './front-door.messages.tr';
import { uk } from './front-door.messages.uk';

type Key =
  | 'home.reportTitle'
  | 'home.reportText'
  | 'home.newest'
  | 'home.newestIn'
  | 'home.district'
  | 'home.wholeCity'
  | 'home.show'
  | 'home.none'
  | 'home.allReports'
  | 'card.supporters';

/** The reports' parts of the front door and the report cards. */
export const frontDoorMessages: Catalogue<Key> = {
  de: {
    'home.reportTitle': 'Problem melden',
    'home.reportText': 'Schlagloch, kaputte Laterne, verstopfter Gully: mit Ort und Foto an die zuständige Stelle.',
    'home.newest': 'Neueste Meldungen',
    'home.newestIn': 'Neueste Meldungen in {district}',
    'home.district': 'Stadtbezirk',
    'home.wholeCity': 'Ganze Stadt',
    'home.show': 'Anzeigen',
    'home.none': 'Hier gibt es noch keine öffentlichen Meldungen.',
    'home.allReports': 'Alle Meldungen auf Karte und Liste',
    'card.supporters': '{n, plural, one {# Person unterstützt das} other {# Personen unterstützen das}}',
  },
  en: {
    'home.reportTitle': 'Report a problem',
    'home.reportText': 'Pothole, broken street light, blocked drain: with place and photo, straight to the department in charge.',
    'home.newest': 'Newest reports',
    'home.newestIn': 'Newest reports in {district}',
    'home.district': 'City district',
    'home.wholeCity': 'Whole city',
    'home.show': 'Show',
    'home.none': 'There are no public reports here yet.',
    'home.allReports': 'All reports on the map and in the list',
    'card.supporters': '{n, plural, one {# person supports this} other {# people support this}}',
  },
  tr,
  ar,
  uk,
  pl,
};
