import type { Catalogue } from '../../platform/i18n';
import { ar } from './front-door.messages.ar';
import { pl } from './front-door.messages.pl';
import { tr } from './front-door.messages.tr';
import { uk } from './front-door.messages.uk';

type Key = 'home.reportTitle' | 'home.reportText' | 'home.sectionTitle' | 'home.sectionText' | 'home.mapLink' | 'home.statsLink';

/** The Angsträume's parts of the front door. */
export const frontDoorMessages: Catalogue<Key> = {
  de: {
    'home.reportTitle': 'Angstraum melden',
    'home.reportText': 'Ein Ort, an dem Sie sich unsicher fühlen: dunkle Unterführung, zugewachsener Weg. Die Stadt prüft und berichtet, was sie tut.',
    'home.sectionTitle': 'Angsträume-Karte',
    'home.sectionText':
      '{n, plural, =0 {Noch ist kein Ort geprüft.} one {# geprüfter Ort, mit allen Maßnahmen und ob sie geholfen haben.} other {# geprüfte Orte, mit allen Maßnahmen und ob sie geholfen haben.}}',
    'home.mapLink': 'Zur Angsträume-Karte',
    'home.statsLink': 'Angsträume und Müll in Zahlen',
  },
  en: {
    'home.reportTitle': 'Report an unsafe place',
    'home.reportText': 'A place where you feel unsafe: a dark underpass, an overgrown path. The city checks it and reports what it does.',
    'home.sectionTitle': 'Map of unsafe places (Angsträume)',
    'home.sectionText':
      '{n, plural, =0 {No place has been reviewed yet.} one {# reviewed place, with every measure and whether it helped.} other {# reviewed places, with every measure and whether it helped.}}',
    'home.mapLink': 'To the map of unsafe places',
    'home.statsLink': 'Unsafe places and litter in figures',
  },
  tr,
  ar,
  uk,
  pl,
};
