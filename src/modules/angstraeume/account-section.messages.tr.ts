import type { Translation } from '../../platform/i18n';
import type { accountSectionMessages } from './account-section.messages';

// Türkçe (Turkish): the residents' texts of ./account-section.messages.ts (docs/i18n.md).
export const tr: Translation<typeof accountSectionMessages> = {
  'ratings.title': 'Angsträume değerlendirmelerim (güvensiz hissettiren yerler)',
  'ratings.intro': 'Bu yerlerde kendinizi ne kadar güvende hissettiğiniz: 1 = çok güvensiz, 5 = çok güvenli.',
  'ratings.none': 'Henüz bir yeri değerlendirmediniz.',
  'ratings.map': 'Angsträume haritasına git',
  'ratings.value': 'Gündüz 5 üzerinden {day}, akşam ve gece 5 üzerinden {night}',
  'ratings.when': '{date} tarihinde değerlendirildi',
  'ratings.pages': 'Değerlendirmelerimin sayfaları',
};
