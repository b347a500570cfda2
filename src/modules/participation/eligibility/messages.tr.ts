import type { Translation } from '../../../platform/i18n';
import type { messages } from './messages';

export const tr: Translation<typeof messages> = {
  'refusal.sign_in': 'Burada katılmak için lütfen oturum açın.',
  'refusal.verify':
    'Burada yalnızca doğrulanmış şehir sakinleri katılabilir. Hesabınızı belediyenin gönderdiği mektuptaki kodla ya da Vatandaşlık Bürosu (Bürgerbüro) gişesinde kimliğinizi göstererek doğrulayın.',
  'refusal.verification_expired':
    'Doğrulamanızın süresi doldu. Belediyeden gelen bir mektuptaki yeni kodu girin ya da Vatandaşlık Bürosu (Bürgerbüro) gişesinde hesabınızı yeniden doğrulatın.',
  'refusal.district': 'Burada yalnızca belirli semtlerin sakinleri katılabilir; hesabınız başka bir semt için doğrulanmış.',
  'refusal.age': 'Burada yalnızca belirli bir yaş grubundakiler katılabilir; doğrulamanız başka bir yaş grubuna ait.',
  'refusal.body': 'Burada yalnızca yetkili kurulun üyeleri katılabilir. Üyeyseniz lütfen kurulun sekreteryasına başvurun.',
  'link.sign_in': 'Oturum aç',
  'link.verify': 'Hesabımı doğrula',
  'page.title': 'Hesabımı doğrula',
  'page.intro':
    'Bazı katılım süreçleri yalnızca şehrin, bir semtin ya da bir yaş grubunun sakinlerine açıktır. Belediyenin mektubundaki kodla hesabınız tam olarak bu bilgileri alır: semt, yaş grubu ve geçerlilik süresi. Kimlik bilgisi ya da doğum tarihi saklamıyoruz.',
  'page.code': 'Mektuptaki kod',
  'page.codeHint': '16 karakter, örneğin K7QM-3WXE-PN4R-9HTZ. Büyük-küçük harf ve kısa çizgiler önemli değildir.',
  'page.submit': 'Kodu kullan',
  'page.counter':
    'Mektubunuz yok mu? Vatandaşlık Bürosunun (Bürgerbüro) her gişesi, kimliğinizi gösterdiğinizde hesabınızı doğrulayabilir. Hiçbir şey kopyalanmaz.',
  'page.done': 'Hesabınız artık doğrulandı.',
  'page.renew': 'Yeni bir kod mevcut doğrulamanızın yerini alır.',
  'status.verified': 'Doğrulandı: {area}, yaş grubu {age}, {date} tarihine kadar geçerli.',
  'status.expired': 'Doğrulamanızın ({area}, yaş grubu {age}) süresi {date} tarihinde doldu.',
  'status.none': 'Hesabınız doğrulanmamış.',
  'status.district': '{name} semti',
  'status.city': '{city} sakini',
  'age.range': '{min} – {max} yaş',
  'age.from': '{min} yaş ve üzeri',
  'age.to': '{max} yaşa kadar',
  'age.any': 'belirtilmemiş',
  'err.format': 'Kod, rakam ve büyük harflerden oluşan 16 karakterdir. Lütfen yazdığınızı kontrol edin.',
  'err.unknown': 'Bu kodu tanımıyoruz. Lütfen her karakteri kontrol edin.',
  'err.used': 'Bu kod zaten kullanılmış. Her kod yalnızca bir kez geçerlidir.',
  'err.expired': 'Bu kodun süresi dolmuş. Lütfen Vatandaşlık Bürosuna (Bürgerbüro) başvurun.',
  'section.title': 'Doğrulama',
  'section.link': 'Kod gir',
  'export.verification': 'Doğrulamanız: semt, yaş grubunun karşılık geldiği doğum tarihi aralığı, geçerlilik tarihi, doğrulamanın nasıl ve ne zaman yapıldığı.',
  'export.memberships': 'Üye olarak kayıtlı olduğunuz kurullar (örneğin Gençlik Meclisi, Yaşlılar Danışma Kurulu) ve ne zamandan beri üye olduğunuz.',
};
