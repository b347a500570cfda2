import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Türkçe (Turkish): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof messages> = {
  title: 'Kümmerer – Şehriniz sizi dinliyor',
  intro: 'Burada Kümmerer („ilgilenen“) ile {city} yönetimine nerede bir şey yapılması gerektiğini bildirir ve sonucunu herkese açık olarak takip edersiniz.',
  actionsTitle: 'Ne yapmak istersiniz?',
  accountTitle: 'Hesabınız',
  signInCta: 'Katkıları takip etmek için giriş yapın',
  staffCta: 'Belediye çalışanları için giriş',
};
