import type { Translation } from '../../../platform/i18n';
import type { notificationMessages } from './notifications.messages';

// Türkçe (Turkish): the residents' texts of ./notifications.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof notificationMessages> = {
  'mail.updateSubject': 'Bildirim #{id} ile ilgili yenilikler',
  'mail.updateIntro': 'Merhaba,\n\nbildirim #{id} „{category}“ ile ilgili yenilikler var:',
  'mail.updateState': 'Güncel durum: {status}',
  'mail.updateLink': 'Bildirimi görüntüle: {link}',
  'mail.updateWhy':
    'Bu e-postayı, bu bildirimi takip ettiğiniz için alıyorsunuz. 10 dakika içindeki birden fazla değişikliği tek bir e-postada topluyoruz. Bu bildirimle ilgili artık e-posta almak istemiyorsanız:',
  'mail.englishBelow': '(English version below)',
  'mail.greeting': 'Saygılarımızla\n{city}',
  'mail.questionSubject': 'Sorun giderildi mi? Bildirim #{id}',
  'mail.questionBody':
    'Merhaba,\n\nbelediye, „{category}“ konulu bildiriminizi (#{id}) {date} tarihinde giderildi olarak işaretledi. Sorun gerçekten giderildi mi?\n\nYanıtınız daha iyi olmamıza yardımcı olur. Bir tık yeterli, giriş yapmanız gerekmez (bağlantı {until} tarihine kadar geçerlidir):\n{link}\n\n„Hayır“ yanıtını verirseniz bildirimi yeniden açarız.',
  'mail.event.questionnaire.yes': 'Bildiren kişi onaylıyor: Sorun giderildi.',
  'mail.event.questionnaire.no': 'Bildiren kişi diyor ki: Sorun giderilmedi.',
  'mail.event.questionnaire.unknown': 'Bildiren kişi sorunun giderilip giderilmediğini bilmiyor.',
  unsubscribeTitle: 'Bir bildirimle ilgili e-postaları iptal et',
  unsubscribeText: 'Bildirim #{id} ile ilgili bir değişiklik olduğunda e-posta alıyorsunuz. Bu e-postaları iptal etmek istiyor musunuz?',
  unsubscribeButton: 'Bu bildirimle ilgili artık e-posta gönderilmesin',
  unsubscribedTitle: 'İptal edildi',
  unsubscribedText: 'Bildirim #{id} ile ilgili artık e-posta almayacaksınız.',
  unsubscribeGoneTitle: 'Bu bağlantı artık geçerli değil',
  unsubscribeGoneText: 'Bağlantı bilinmiyor veya e-postalar zaten iptal edilmiş. Başka bir şey yapmanız gerekmiyor.',
  toReport: 'Bildirim #{id} sayfasına git',
  toHome: 'Ana sayfaya git',
  qTitle: 'Sorun giderildi mi?',
  qIntro: 'Belediye, bildirim #{id} „{category}“ için {date} tarihinde giderildi işareti koydu. Lütfen bunun doğru olup olmadığını bize söyleyin.',
  qLegend: 'Sorun giderildi mi?',
  qYes: 'Evet, giderildi',
  qNo: 'Hayır, giderilmedi',
  qUnknown: 'Bilmiyorum',
  qComment: 'Hâlâ düzgün olmayan ne?',
  qCommentHint: 'Özellikle „Hayır“ yanıtını verirseniz. En fazla {max} karakter.',
  qSend: 'Yanıtı gönder',
  qPrivacy: 'Yanıtınız bildirime not edilir; yazdığınız metni yalnızca belediye yönetimi görür. Lütfen başka kişilerin kişisel verilerini yazmayın.',
  qGoneTitle: 'Bu anket sona erdi',
  qGoneText: 'Bağlantının süresi dolmuş, bağlantı bilinmiyor veya daha önce kullanılmış. Zaman ayırmak istediğiniz için teşekkürler!',
  qThanksTitle: 'Yanıtınız için teşekkürler',
  qThanksYes: 'Sorunun giderilmesine sevindik.',
  qThanksNo: 'Bildirim #{id} yeniden açıldı; sorumlu birim bununla ilgilenecek. Bir değişiklik olduğunda size e-posta gönderilecek.',
  qThanksUnknown: 'Teşekkürler, yanıtınızı not ettik.',
  'err.answer': 'Lütfen bir yanıt seçin: „Evet“, „Hayır“ veya „Bilmiyorum“.',
  'err.commentTooLong': 'Lütfen metninizi en fazla {max} karaktere kısaltın.',
  errorSummaryTitle: 'Bir sorun var',
};
