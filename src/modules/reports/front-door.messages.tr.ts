import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// Türkçe (Turkish): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof frontDoorMessages> = {
  'home.reportTitle': 'Sorun bildir',
  'home.reportText': 'Yoldaki çukur, bozuk sokak lambası, tıkalı mazgal: yer ve fotoğrafla doğrudan sorumlu birime.',
  'home.newest': 'En yeni bildirimler',
  'home.newestIn': '{district} semtindeki en yeni bildirimler',
  'home.district': 'Semt (Stadtbezirk)',
  'home.wholeCity': 'Tüm şehir',
  'home.show': 'Göster',
  'home.none': 'Burada henüz herkese açık bildirim yok.',
  'home.allReports': 'Haritada ve listede tüm bildirimler',
  'card.supporters': '{n, plural, one {# kişi bunu destekliyor} other {# kişi bunu destekliyor}}',
};
