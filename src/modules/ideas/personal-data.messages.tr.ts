import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Türkçe (Turkish): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof personalDataMessages> = {
  'export.ideas':
    'KümmertEuch platformundaki fikirleriniz: başlık, açıklama, konu, yer, gerekçesiyle birlikte durum, belediyenin yanıtı, destek sayısı, tarihler ve herkese açık geçmiş.',
  'export.supports': 'Desteklediğiniz fikirler ve ne zamandan beri desteklediğiniz.',
  'export.photos': 'Fikirlerinize ait fotoğraflar, bizim sakladığımız hâliyle: en fazla 1600 piksele küçültülmüş ve meta verileri (konum, kamera) olmadan.',
};
