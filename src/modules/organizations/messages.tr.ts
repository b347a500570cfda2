import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Türkçe (Turkish): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
// Only the residents' texts (accessibility feedback form, map attribution): the back-office texts (districts,
// departments, legal-page editing) and the mail to the city (mail.feedbackSubject) are for staff and stay German/English.
export const tr: Translation<typeof messages> = {
  feedbackTitle: 'Erişilebilirlik engeli bildir',
  feedbackIntro: 'Bir engelle mi karşılaştınız? Bize yazın. Mesajınız doğrudan belediyeye gider.',
  feedbackMessage: 'Ne çalışmadı?',
  feedbackPage: 'Hangi sayfada?',
  feedbackPageHint: 'Biliyorsanız sayfanın adresi veya adı.',
  feedbackEmail: 'E-posta adresiniz',
  feedbackEmailHint: 'Yalnızca yanıt almak istiyorsanız.',
  feedbackSend: 'Mesajı gönder',
  feedbackThanks: 'Teşekkürler! Mesajınız belediyeye ulaştı.',
  'err.messageRequired': 'Lütfen engeli tarif edin.',
  attribution: 'Şehir sınırı: © GeoBasis-DE / BKG 2017 (veriler değiştirilmiştir)',
};
