import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Türkçe (Turkish): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof personalDataMessages> = {
  'export.reports':
    'Bildirimleriniz (hesabınızla veya e-posta adresinizle gönderilen): kategori, yer, açıklama, ek sorulara verilen yanıtlar, iletişim bilgileriniz, durum ve sürecin herkese açık kayıtları ("timeline"). "photos" her fotoğraf için fotos/ klasöründeki dosyanın adını verir.',
  'export.photos':
    'Bildirimlerinizle gönderdiğiniz fotoğraflar, bizim sakladığımız hâliyle: en fazla 1600 piksele küçültülmüş ve meta verisiz (konum, kamera). Orijinalini saklamıyoruz. Moderasyon tarafından gizlenen fotoğraflar dahil değildir.',
  'export.supports': '"Ben de" ile desteklediğiniz bildirimler ve ne zaman desteklediğiniz.',
  'export.follows': 'Gelişmelerini e-posta ile takip ettiğiniz bildirimler ve ne zamandan beri takip ettiğiniz.',
  'export.questionnaires': 'Bir bildirim giderildikten sonra sorulan sorular ("Sorun giderildi mi?"): ne zaman soruldu, yanıtınız ve yorumunuz.',
};
