import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// Türkçe (Turkish): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof frontDoorMessages> = {
  'home.reportTitle': 'Angstraum bildir (güvensiz hissettiren yer)',
  'home.reportText':
    'Kendinizi güvensiz hissettiğiniz bir yer: karanlık bir alt geçit, otların bürüdüğü bir yol. Belediye yeri inceler ve ne yaptığını bildirir.',
  'home.sectionTitle': 'Angsträume haritası (güvensiz hissettiren yerler)',
  'home.sectionText':
    '{n, plural, =0 {Henüz incelenmiş bir yer yok.} one {# incelenmiş yer; tüm önlemler ve işe yarayıp yaramadıkları ile birlikte.} other {# incelenmiş yer; tüm önlemler ve işe yarayıp yaramadıkları ile birlikte.}}',
  'home.mapLink': 'Angsträume haritasına git',
  'home.statsLink': 'Rakamlarla Angsträume ve çöp',
};
