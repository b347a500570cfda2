import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// العربية (Arabic): the residents' texts of ./messages.ts (docs/i18n.md). Latin words in brackets are isolated
// as left to right (\u2066 … \u2069), so the brackets do not turn round in right-to-left text.
export const ar: Translation<typeof messages> = {
  'easy.title': 'الألمانية المبسطة \u2066(Leichte Sprache)\u2069',
  'easy.notice': 'هذه الصفحة مكتوبة بلغة \u2066Leichte Sprache\u2069: ألمانية سهلة القراءة بجمل قصيرة.',
  'sign.title': 'لغة الإشارة الألمانية',
  'sign.intro':
    'في هذه الصفحة تشرح بلدية \u2066{city}\u2069 بلغة الإشارة الألمانية \u2066(DGS)\u2069 ما يمكنك القيام به على هذا الموقع: الإبلاغ عن الأضرار والنفايات، ومتابعة البلاغات، والحصول على المساعدة.',
  'sign.videosTitle': 'مقاطع فيديو بلغة الإشارة الألمانية',
  'sign.none': 'لا توجد هنا مقاطع فيديو بلغة الإشارة بعد. إذا كنت بحاجة إلى معلومات بلغة الإشارة، فيرجى مراسلتنا.',
  'sign.noVideoSupport': 'لا يستطيع متصفحك تشغيل هذا الفيديو.',
  'sign.download': 'تنزيل الفيديو: {title}',
  'sign.captions': 'الألمانية',
  'sign.helpTitle': 'المساعدة والتواصل',
  'sign.helpEmail': 'هل لديك أسئلة أو مشكلات؟ راسلنا عبر البريد الإلكتروني:',
  'sign.helpForm': 'أرسل ملاحظاتك عبر نموذج إمكانية الوصول',
  'sign.easyLink': 'معلومات بالألمانية المبسطة \u2066(Leichte Sprache)\u2069',
};
