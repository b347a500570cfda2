import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// العربية (Arabic): the residents' texts of ./personal-data.messages.ts (the data export's README). What is missing
// shows German; list it with `npm run i18n:missing -- ar` (docs/i18n.md).
export const ar: Translation<typeof personalDataMessages> = {
  'export.ideas': 'أفكارك على منصة \u2066KümmertEuch\u2069: العنوان والوصف والموضوع والمكان والحالة مع سببها وردّ المدينة وعدد الداعمين والتواريخ والسجلّ العام.',
  'export.supports': 'الأفكار التي تدعمها، ومنذ متى.',
  'export.photos': 'صور أفكارك كما نحفظها: مصغّرة إلى 1600 بكسل كحدّ أقصى ومن دون بيانات وصفية (الموقع، الكاميرا).',
};
