import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// العربية (Arabic): the residents' texts of ./personal-data.messages.ts (the data export's README). What is missing
// shows German; list it with `npm run i18n:missing -- ar` (docs/i18n.md).
export const ar: Translation<typeof personalDataMessages> = {
  'export.ratings':
    'تقييماتك للأماكن التي يُشعر فيها بعدم الأمان: مدى شعورك بالأمان نهارًا \u2066("day")\u2069 وليلًا \u2066("night")\u2069، من 1 (غير آمن إطلاقًا) إلى 5 (آمن).',
  'export.questionnaires': 'أسئلة المتابعة بعد إجراء في مكان غير آمن («هل تشعر بأمان أكبر الآن؟»): متى سُئلت، وإجابتك، وتعليقك.',
};
