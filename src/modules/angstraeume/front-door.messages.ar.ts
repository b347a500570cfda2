import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// العربية (Arabic): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- ar` (docs/i18n.md). «Angsträume» stays a Latin name (isolated \u2066 … \u2069).
export const ar: Translation<typeof frontDoorMessages> = {
  'home.reportTitle': 'الإبلاغ عن مكان غير آمن',
  'home.reportText': 'مكان تشعر فيه بعدم الأمان: نفق مظلم، أو ممرّ غطّته النباتات. تراجع البلدية البلاغ وتُطلعك على ما تفعله.',
  'home.sectionTitle': 'خريطة \u2066Angsträume\u2069 (الأماكن غير الآمنة)',
  'home.sectionText':
    '{n, plural, =0 {لم تتم مراجعة أي مكان بعد.} zero {لم تتم مراجعة أي مكان بعد.} one {مكان واحد تمت مراجعته، مع جميع الإجراءات وما إذا كانت قد ساعدت.} two {مكانان تمت مراجعتهما، مع جميع الإجراءات وما إذا كانت قد ساعدت.} few {# أماكن تمت مراجعتها، مع جميع الإجراءات وما إذا كانت قد ساعدت.} many {# مكانًا تمت مراجعته، مع جميع الإجراءات وما إذا كانت قد ساعدت.} other {# مكان تمت مراجعته، مع جميع الإجراءات وما إذا كانت قد ساعدت.}}',
  'home.mapLink': 'إلى خريطة الأماكن غير الآمنة',
  'home.statsLink': 'الأماكن غير الآمنة والنفايات بالأرقام',
};
