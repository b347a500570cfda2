import type { Translation } from '../../platform/i18n';
import type { accountSectionMessages } from './account-section.messages';

// العربية (Arabic): the residents' texts of ./account-section.messages.ts (docs/i18n.md).
export const ar: Translation<typeof accountSectionMessages> = {
  'ratings.title': 'تقييماتي للأماكن غير الآمنة \u2066(Angsträume)\u2069',
  'ratings.intro': 'مدى شعورك بالأمان في هذه الأماكن، من 1 = غير آمن إطلاقًا إلى 5 = آمن جدًا.',
  'ratings.none': 'لم تقيّم أي مكان بعد.',
  'ratings.map': 'إلى خريطة الأماكن غير الآمنة',
  'ratings.value': 'في النهار \u2068{day}\u2069 من 5، في المساء والليل \u2068{night}\u2069 من 5',
  'ratings.when': 'قُيّم في \u2068{date}\u2069',
  'ratings.pages': 'صفحات تقييماتي',
};
