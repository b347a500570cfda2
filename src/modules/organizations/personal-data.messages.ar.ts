import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// العربية (Arabic): the residents' texts of ./personal-data.messages.ts (the data export's README). What is missing
// shows German; list it with `npm run i18n:missing -- ar` (docs/i18n.md).
export const ar: Translation<typeof personalDataMessages> = {
  'export.feedback': 'ملاحظاتك حول إمكانية الوصول التي أرسلتها مع عنوان بريدك الإلكتروني: الصفحة، والرسالة، والوقت.',
};
