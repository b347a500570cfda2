import type { Translation } from '../../platform/i18n';
import type { accountSectionMessages } from './account-section.messages';

// العربية (Arabic): the residents' texts of ./account-section.messages.ts (docs/i18n.md).
export const ar: Translation<typeof accountSectionMessages> = {
  'mine.title': 'بلاغاتي',
  'mine.count':
    '{n, plural, zero {لم ترسل أي بلاغ بعد.} one {أرسلت بلاغًا واحدًا.} two {أرسلت بلاغين، الأحدث أولًا.} few {أرسلت # بلاغات، الأحدث أولًا.} many {أرسلت # بلاغًا، الأحدث أولًا.} other {أرسلت # بلاغ، الأحدث أولًا.}}',
  'mine.none': 'لم تبلّغ عن أي شيء بعد.',
  'mine.reportNow': 'الإبلاغ عن مشكلة',
  'mine.hidden': 'غير منشور: أخفاه فريق الإشراف.',
  'mine.unconfirmed': 'غير منشور بعد: يرجى تأكيد البلاغ عبر الرابط الموجود في رسالتنا الإلكترونية.',
  'mine.inReview': 'غير منشور بعد: تراجع المدينة المكان والنص قبل نشرهما.',
  'mine.pages': 'صفحات بلاغاتي',
  'followed.title': 'بلاغات أتابعها أو أدعمها',
  'followed.intro': 'تصلك رسالة إلكترونية عندما يتغير شيء في البلاغات التي تتابعها.',
  'followed.none': 'لا تتابع بعد أي بلاغ لغيرك ولا تدعم أيًّا منها. في كل بلاغ زرّا «أنا أيضًا» و«أعلمني بالتغييرات» لذلك.',
  'followed.following': 'تتابعه',
  'followed.supporting': 'تدعمه',
  'followed.stop': 'إيقاف المتابعة',
  'followed.pages': 'صفحات البلاغات المتابَعة والمدعومة',
  'settings.title': 'رسائل البريد الإلكتروني عن البلاغات',
  'settings.intro': 'ينطبق على الرسائل إلى \u2066{email}\u2069 عن بلاغاتك والبلاغات التي تتابعها.',
  'settings.mails': 'ما الرسائل التي تريد أن تصلك؟',
  'settings.status': 'الأخبار عندما يتغير شيء في بلاغ ما',
  'settings.questionnaire': 'السؤال عمّا إذا كانت مشكلة وُصفت بأنها أُصلحت قد أُصلحت فعلًا',
  'settings.digest': 'كم مرة تريد أن تصلك الأخبار؟',
  'settings.digestHint': 'ينطبق إذا أردت أن تصلك الأخبار.',
  'settings.digest.immediately': 'فورًا: التغييرات خلال 10 دقائق في رسالة واحدة',
  'settings.digest.daily': 'مرة في اليوم: كل البلاغات في رسالة واحدة',
  'settings.digest.weekly': 'مرة في الأسبوع: كل البلاغات في رسالة واحدة',
  'settings.save': 'حفظ الإعدادات',
  'settings.err.digest': 'يرجى اختيار عدد مرات وصول الأخبار.',
  'digest.subject':
    '{n, plural, zero {أخبار عن البلاغات} one {أخبار عن بلاغ واحد} two {أخبار عن بلاغين} few {أخبار عن # بلاغات} many {أخبار عن # بلاغًا} other {أخبار عن # بلاغ}}',
  'digest.intro.daily': 'مرحبًا،\n\nإليك ملخصك اليومي: هذا ما حدث منذ الرسالة الأخيرة.',
  'digest.intro.weekly': 'مرحبًا،\n\nإليك ملخصك الأسبوعي: هذا ما حدث منذ الرسالة الأخيرة.',
  'digest.report': 'البلاغ رقم \u2068{id}\u2069 «\u2068{category}\u2069»:',
  'digest.unsubscribe': 'لإيقاف الرسائل عن هذا البلاغ: \u2066{link}\u2069',
  'digest.settings': 'يمكنك ضبط عدد مرات وصول الرسائل في «حسابي»: \u2066{link}\u2069',
};
