import type { Translation } from '../../platform/i18n';
import type { accountPageMessages } from './account-page.messages';

// العربية (Arabic): the residents' texts of ./account-page.messages.ts (docs/i18n.md).
export const ar: Translation<typeof accountPageMessages> = {
  onThisPage: 'في هذه الصفحة',
  nameOfferText: 'ذكرتَ في أحد بلاغاتك الاسم «\u2068{name}\u2069». لا يحمل حسابك اسمًا بعد.',
  nameOfferHint: 'لا يظهر الاسم إلا حيث تطلب ذلك صراحةً في مساهمة ما. يمكنك تغييره أو حذفه في الأسفل في أي وقت.',
  nameOfferButton: 'اعتماد الاسم «\u2068{name}\u2069» من بلاغك',
  nameTaken: 'أصبح الاسم «\u2068{name}\u2069» الآن في حسابك.',
};
