import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// العربية (Arabic): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- ar` (docs/i18n.md).
export const ar: Translation<typeof frontDoorMessages> = {
  'home.reportTitle': 'الإبلاغ عن مشكلة',
  'home.reportText': 'حفرة في الطريق، مصباح شارع معطّل، بالوعة مسدودة: مع المكان وصورة مباشرةً إلى الجهة المختصة.',
  'home.newest': 'أحدث البلاغات',
  'home.newestIn': 'أحدث البلاغات في \u2068{district}\u2069',
  'home.district': 'منطقة المدينة \u2066(Stadtbezirk)\u2069',
  'home.wholeCity': 'المدينة كلها',
  'home.show': 'عرض',
  'home.none': 'لا توجد هنا بلاغات منشورة بعد.',
  'home.allReports': 'جميع البلاغات على الخريطة وفي القائمة',
  'card.supporters':
    '{n, plural, zero {لا أحد يدعم هذا بعد} one {شخص واحد يدعم هذا} two {شخصان يدعمان هذا} few {# أشخاص يدعمون هذا} many {# شخصًا يدعمون هذا} other {# شخص يدعمون هذا}}',
};
