import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Türkçe (Turkish): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof personalDataMessages> = {
  'export.feedback': 'E-posta adresinizle gönderdiğiniz erişilebilirlik geri bildirimleri: sayfa, mesaj, zaman.',
};
