import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Türkçe (Turkish): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- tr` (docs/i18n.md).
export const tr: Translation<typeof personalDataMessages> = {
  'export.ratings':
    'Angsträume (güvensiz hissettiren yerler) için verdiğiniz puanlar: gündüz ("day") ve gece ("night") kendinizi ne kadar güvende hissettiğiniz, 1 (çok güvensiz) ile 5 (güvende) arasında.',
  'export.questionnaires':
    'Bir Angstraum’da alınan önlemden sonra sorulan sorular ("Kendinizi şimdi daha güvende hissediyor musunuz?"): ne zaman soruldu, yanıtınız ve yorumunuz.',
};
