import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Türkçe (Turkish): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof messages> = {
  signInTitle: 'Giriş yap',
  signInIntro: 'Size e-posta ile bir giriş bağlantısı gönderiyoruz. Şifreye ihtiyacınız yok. Okumak için hesaba ihtiyacınız yok.',
  email: 'E-posta adresi',
  emailHint: 'Örneğin name@example.de',
  sendLink: 'Giriş bağlantısını gönder',
  checkMailTitle: 'Lütfen e-posta kutunuza bakın',
  checkMailText: 'Adres doğruysa {email} adresine bir giriş bağlantısı gönderildi. Bağlantı 15 dakika ve yalnızca bir kez geçerlidir.',
  checkMailHint: 'E-posta gelmedi mi? İstenmeyen e-posta (spam) klasörüne bakın veya yeni bir bağlantı isteyin.',
  confirmTitle: 'Girişi onaylayın',
  confirmText: '{email} olarak giriş yapıyorsunuz.',
  confirmButton: 'Şimdi giriş yap',
  linkInvalidTitle: 'Bu bağlantı artık geçerli değil',
  linkInvalidText: 'Giriş bağlantıları 15 dakika ve yalnızca bir kez geçerlidir. Yeni bir bağlantı istemeniz yeterli.',
  requestNewLink: 'Yeni giriş bağlantısı iste',
  accountTitle: 'Hesabım',
  accountIntro: '{email} ile giriş yapıldı.',
  displayName: 'Adınız',
  displayNameHint: 'Yalnızca bir katkıda açıkça isterseniz gösterilir.',
  save: 'Kaydet',
  saved: 'Kaydedildi.',
  signOutEverywhere: 'Tüm cihazlarda oturumu kapat',
  signedOut: 'Oturumunuz kapatıldı.',
  'mail.magicSubject': '{city} için giriş bağlantınız',
  'mail.magicBody':
    'Merhaba,\n\nbu bağlantı ile giriş yapabilirsiniz (15 dakika ve yalnızca bir kez geçerlidir):\n{link}\n\nGiriş yapmak istemediniz mi? O zaman bu e-postayı dikkate almayın.\n\n{city}',
  'err.required': 'Lütfen bu alanı doldurun.',
  yourData: 'Verileriniz',
  yourDataIntro: 'Verilerinizin bir kopyasını istediğiniz zaman indirebilir veya hesabınızı silebilirsiniz.',
  'data.title': 'Verilerimi indir',
  'data.intro':
    'Burada, {city} tarafından bu platformda hakkınızda saklanan verilerin bir kopyasını indirebilirsiniz (Genel Veri Koruma Yönetmeliği DSGVO, Madde 15 uyarınca bilgi alma hakkı).',
  'data.includes': 'ZIP dosyasının içeriği:',
  'data.item.account': 'Hesabınız: e-posta adresi, ad, hesabın ne zaman oluşturulduğu ve en son ne zaman giriş yaptığınız',
  'data.item.reports': 'Bildirimleriniz, süreçlerindeki herkese açık kayıtlar ve gönderdiğiniz fotoğraflar',
  'data.item.engagement':
    'Destekleriniz ("Ben de"), takip ettiğiniz bildirimler, Angsträume (güvensiz hissettiren yerler) için verdiğiniz puanlar ve ek sorulara verdiğiniz yanıtlar',
  'data.item.sessions': 'Cihazlardaki girişleriniz (oturumlar) ve zamanları, gizli kimlik kodları olmadan',
  'data.item.mails': 'Size gönderilen ve hâlâ sakladığımız e-postalar (içlerindeki bağlantılar kullanılamaz hâle getirilmiştir)',
  'data.format': 'Veriler JSON biçimindedir ve her metin düzenleyici ile okunabilir. README.txt dosyası her dosyayı açıklar.',
  'data.linkHint': 'İndirme bağlantısı {minutes} dakika, yalnızca bu tarayıcıda ve yalnızca giriş yapmış olduğunuz sürece geçerlidir.',
  'data.button': 'ZIP dosyasını indir',
  'data.expiredTitle': 'Bu indirme bağlantısı artık geçerli değil',
  'data.expiredText': 'İndirme bağlantıları {minutes} dakika ve yalnızca oluşturulduğu tarayıcıda geçerlidir. Yeni bir bağlantı oluşturmanız yeterli.',
  'data.again': 'Yeni indirme bağlantısı oluştur',
  backToAccount: '„Hesabım“ sayfasına geri dön',
  'delete.title': 'Hesabı sil',
  'delete.intro': 'Hesabınızı silerseniz şunlar olur:',
  'delete.item.account': 'E-posta adresiniz ve adınızla birlikte hesabınız silinir ve tüm cihazlarda oturumunuz kapatılır.',
  'delete.item.anonymise':
    'Yayımlanmış bildirimleriniz, destekleriniz ve puanlarınız herkese görünür kalır, ancak adınız, e-posta adresiniz, telefon numaranız ve hesabınız olmadan (anonim). Hiç onaylamadığınız bildirimler silinir.',
  'delete.item.remove': 'Tüm fotoğraflarıyla birlikte bildirimleriniz, destekleriniz ve puanlarınız silinir.',
  'delete.item.photos': 'Yayımlanmamış fotoğraflar silinir.',
  'delete.item.mails': 'E-posta ile bilgilendirmeler ve ek sorular sona erer; size gönderilmeyi bekleyen veya saklanan e-postalar silinir.',
  'delete.exportFirst': 'Önce verilerinizin bir kopyasını almak ister misiniz?',
  'delete.irreversible': 'Silme işlemi geri alınamaz.',
  'delete.confirm': 'Onay için: e-posta adresiniz',
  'delete.confirmHint': '{email} yazın.',
  'delete.button': 'Hesabı kalıcı olarak sil',
  'delete.mismatch': 'E-posta adresi hesabınızla uyuşmuyor. {email} yazın.',
  'delete.staff': 'Belediye çalışanlarının hesaplarını sistem yöneticileri siler. Lütfen onlara başvurun.',
  'deleted.title': 'Hesabınız silindi',
  'deleted.text':
    'Oturumunuz kapatıldı. Hesabınız ve kişisel bilgileriniz kaldırıldı. İstediğiniz zaman hesap olmadan okuyabilir veya bir e-posta adresiyle yeniden giriş yapabilirsiniz.',
  'deleted.home': 'Ana sayfaya git',
  'readme.title': 'Verilerim – {city}',
  'readme.created': '{date} tarihinde {email} hesabı için oluşturuldu.',
  'readme.files': 'Bu arşivdeki dosyalar:',
  'readme.times':
    'Zamanlar Eşgüdümlü Evrensel Zaman (UTC) ile ISO 8601 biçiminde verilmiştir, örneğin 2026-12-03T09:30:00.000Z (= kışın Almanya’da saat 10:30).',
  'readme.notIncluded':
    'Belediye yönetiminin bildirimlerle ilgili iç notları dahil değildir. Veri koruma ile ilgili sorularınız ve bu notlar hakkında bilgi almak için başvurun: {contact}.',
  'readme.account': 'Hesabınız: e-posta adresi, ad ("display_name"), oluşturulma ve son giriş zamanı.',
  'readme.sessions':
    'Giriş yapılmış cihazlarınız (oturumlar): ne zaman giriş yapıldığı, en son ne zaman etkin olduğu, en geç ne zaman oturumun kapanacağı. Gizli kimlik kodları dahil değildir.',
  'readme.mails':
    'Size gönderilen ve hâlâ sakladığımız e-postalar (gönderilmiş olanlar en fazla {days} gün): konu, metin, oluşturulma ve gönderilme zamanı. İçlerindeki kişisel bağlantılar "{marker}" ile değiştirilmiştir.',
  'readme.linkRemoved': '[bağlantı kaldırıldı]',
};
