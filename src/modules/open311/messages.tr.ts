import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Türkçe (Turkish): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof messages> = {
  'group.defect': 'Hasarlar ve arızalar',
  'group.litter': 'Çöp ve temizlik',
  'group.angstraum': 'Güvensiz hissettiren yerler',
  notice: 'Bildirim yayımlandı ve sorumlu birime iletildi: {url}',
  'datatype.number': 'Bir sayı, ör. 3 veya 2.5',
  'datatype.datetime': 'YYYY-AA-GG biçiminde bir tarih',
  'datatype.text': 'Serbest metin, en fazla 1000 karakter',
  'datatype.singlevaluelist': 'Listeden tam olarak bir anahtar',
  'datatype.multivaluelist': 'Listeden bir veya daha fazla anahtar',
};
