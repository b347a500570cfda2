import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// العربية (Arabic): the residents' texts of ./personal-data.messages.ts (the data export's README). What is missing
// shows German; list it with `npm run i18n:missing -- ar` (docs/i18n.md).
export const ar: Translation<typeof personalDataMessages> = {
  'export.reports':
    'بلاغاتك (المرسلة بحسابك أو بعنوان بريدك الإلكتروني): الفئة، والمكان، والوصف، والإجابات على الأسئلة الإضافية، وبيانات التواصل الخاصة بك، والحالة، والإدخالات العامة في سجلّ البلاغ \u2066("timeline")\u2069. ويذكر الحقل \u2066"photos"\u2069 لكل صورة اسم ملفها في المجلد \u2066fotos/\u2069.',
  'export.photos':
    'الصور التي أرسلتها مع بلاغاتك، كما نحفظها: مصغّرة إلى 1600 بكسل كحد أقصى ودون بيانات وصفية (الموقع، الكاميرا). لا نحتفظ بالصورة الأصلية. ولا تتضمن الصور التي أخفاها فريق المراجعة.',
  'export.supports': 'البلاغات التي دعمتها بعبارة «وأنا أيضًا»، ومتى فعلت ذلك.',
  'export.follows': 'البلاغات التي تتابع مستجداتها عبر البريد الإلكتروني، ومنذ متى.',
  'export.questionnaires': 'أسئلة المتابعة بعد معالجة بلاغ («هل حُلّت المشكلة؟»): متى سُئلت، وإجابتك، وتعليقك.',
};
