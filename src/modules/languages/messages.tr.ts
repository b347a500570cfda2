import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Türkçe (Turkish): the residents' texts of ./messages.ts (docs/i18n.md).
export const tr: Translation<typeof messages> = {
  'easy.title': 'Kolay Almanca (Leichte Sprache)',
  'easy.notice': 'Bu sayfa Leichte Sprache ile yazılmıştır: kısa cümlelerle, kolay okunan Almanca.',
  'sign.title': 'Alman İşaret Dili',
  'sign.intro':
    '{city}, bu sayfada Alman İşaret Dili (DGS) ile bu web sitesinde neler yapabileceğinizi anlatıyor: hasar ve çöp bildirmek, bildirimleri takip etmek ve yardım almak.',
  'sign.videosTitle': 'Alman İşaret Dili videoları',
  'sign.none': 'Burada henüz işaret dili videosu yok. İşaret dilinde bilgiye ihtiyacınız varsa lütfen bize yazın.',
  'sign.noVideoSupport': 'Tarayıcınız bu videoyu oynatamıyor.',
  'sign.download': 'Videoyu indir: {title}',
  'sign.captions': 'Almanca',
  'sign.helpTitle': 'Yardım ve iletişim',
  'sign.helpEmail': 'Sorularınız veya sorunlarınız mı var? Bize e-posta yazın:',
  'sign.helpForm': 'Erişilebilirlik formu üzerinden geri bildirim gönderin',
  'sign.easyLink': 'Kolay Almanca ile bilgiler (Leichte Sprache)',
};
