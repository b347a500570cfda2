import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// العربية (Arabic): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- ar` (docs/i18n.md). «Dreckpetze» stays a Latin name (isolated \u2066 … \u2069).
export const ar: Translation<typeof frontDoorMessages> = {
  'home.actionTitle': 'الإبلاغ عن النفايات \u2066(Dreckpetze)\u2069',
  'home.actionText': 'نفايات مرمية عشوائيًا، سلال مهملات ممتلئة، نفايات ضخمة على جانب الطريق: في خطوتين، حتى بيد واحدة على الهاتف.',
};
