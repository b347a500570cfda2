import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// العربية (Arabic): the residents' texts of ./messages.ts (the accessibility feedback form). What is missing shows
// German; list it with `npm run i18n:missing -- ar` (docs/i18n.md). Latin words are isolated as left to right
// (\u2066 … \u2069).
export const ar: Translation<typeof messages> = {
  feedbackTitle: 'الإبلاغ عن عائق',
  feedbackIntro: 'هل لاحظت عائقًا يصعّب استخدام الموقع؟ اكتب لنا. تصل رسالتك مباشرةً إلى البلدية.',
  feedbackMessage: 'ما الذي لم يعمل؟',
  feedbackPage: 'في أي صفحة؟',
  feedbackPageHint: 'عنوان الصفحة أو اسمها، إن كنت تعرفه.',
  feedbackEmail: 'عنوان بريدك الإلكتروني',
  feedbackEmailHint: 'فقط إذا كنت ترغب في الحصول على رد.',
  feedbackSend: 'إرسال الرسالة',
  feedbackThanks: 'شكرًا! وصلت رسالتك إلى البلدية.',
  'err.messageRequired': 'يرجى وصف العائق.',
  attribution: 'حدود المدينة: \u2066© GeoBasis-DE / BKG 2017\u2069 (بيانات معدَّلة)',
};
