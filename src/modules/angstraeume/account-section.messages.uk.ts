import type { Translation } from '../../platform/i18n';
import type { accountSectionMessages } from './account-section.messages';

// Українська (Ukrainian): the residents' texts of ./account-section.messages.ts (docs/i18n.md).
export const uk: Translation<typeof accountSectionMessages> = {
  'ratings.title': 'Мої оцінки Angsträume (місць, де небезпечно)',
  'ratings.intro': 'Наскільки безпечно ви почуваєтеся в цих місцях: від 1 = дуже небезпечно до 5 = дуже безпечно.',
  'ratings.none': 'Ви ще не оцінили жодного місця.',
  'ratings.map': 'До мапи Angsträume',
  'ratings.value': 'Удень {day} з 5, увечері та вночі {night} з 5',
  'ratings.when': 'Оцінено {date}',
  'ratings.pages': 'Сторінки моїх оцінок',
};
