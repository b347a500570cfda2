import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// العربية (Arabic): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- ar` (docs/i18n.md). Latin words are isolated as left to right (\u2066 … \u2069).
export const ar: Translation<typeof messages> = {
  title: '\u2066Kümmerer\u2069 (أي: مَن يهتمّ بالأمر) – مدينتك تُصغي إليك',
  intro: 'هنا تُخبر بلدية \u2066{city}\u2069 بما يحتاج إلى معالجة، وتتابع علنًا ما يحدث بعد ذلك.',
  actionsTitle: 'ماذا تريد أن تفعل؟',
  accountTitle: 'حسابك',
  signInCta: 'سجّل الدخول لمتابعة المشاركات',
  staffCta: 'تسجيل الدخول لموظفي البلدية',
};
