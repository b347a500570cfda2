import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Українська (Ukrainian): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof personalDataMessages> = {
  'export.ratings':
    'Ваші оцінки Angsträume (місць, де небезпечно): наскільки безпечно ви почуваєтеся вдень ("day") і вночі ("night"), від 1 (дуже небезпечно) до 5 (безпечно).',
  'export.questionnaires':
    'Уточнювальні запитання після заходу щодо Angstraum ("Fühlen Sie sich jetzt sicherer?" – «Чи почуваєтеся ви тепер безпечніше?»): коли запитано, ваша відповідь і ваш коментар.',
};
