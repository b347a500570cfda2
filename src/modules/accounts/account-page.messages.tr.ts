import type { Translation } from '../../platform/i18n';
import type { accountPageMessages } from './account-page.messages';

// Türkçe (Turkish): the residents' texts of ./account-page.messages.ts (docs/i18n.md).
export const tr: Translation<typeof accountPageMessages> = {
  onThisPage: 'Bu sayfada',
  nameOfferText: 'Bir bildirimde “{name}” adını verdiniz. Hesabınızda henüz bir ad yok.',
  nameOfferHint: 'Ad yalnızca bir katkıda açıkça istediğinizde gösterilir. Aşağıda istediğiniz zaman değiştirebilir veya silebilirsiniz.',
  nameOfferButton: 'Bildiriminizdeki “{name}” adını hesaba aktar',
  nameTaken: '“{name}” adı artık hesabınızda.',
};
