import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// العربية (Arabic): the residents' texts of ./messages.ts (Open311 service groups and notes). What is missing shows
// German; list it with `npm run i18n:missing -- ar` (docs/i18n.md).
export const ar: Translation<typeof messages> = {
  'group.defect': 'الأضرار والأعطال',
  'group.litter': 'النفايات والنظافة',
  'group.angstraum': 'الأماكن غير الآمنة',
  notice: 'البلاغ منشور وأُحيل إلى الجهة المختصة: {url}',
  'datatype.number': 'رقم، مثل 3 أو 2.5',
  'datatype.datetime': 'تاريخ بصيغة سنة-شهر-يوم \u2066(YYYY-MM-DD)\u2069',
  'datatype.text': 'نص حر، 1000 حرف كحد أقصى',
  'datatype.singlevaluelist': 'مفتاح واحد بالضبط من القائمة',
  'datatype.multivaluelist': 'مفتاح واحد أو أكثر من القائمة',
};
