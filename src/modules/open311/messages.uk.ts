import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Українська (Ukrainian): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof messages> = {
  'group.defect': 'Пошкодження та несправності',
  'group.litter': 'Сміття та чистота',
  'group.angstraum': 'Небезпечні місця',
  notice: 'Звернення опубліковано й передано відповідальній службі: {url}',
  'datatype.number': 'Число, напр. 3 або 2.5',
  'datatype.datetime': 'Дата у форматі РРРР-ММ-ДД',
  'datatype.text': 'Довільний текст, щонайбільше 1000 знаків',
  'datatype.singlevaluelist': 'Рівно один ключ зі списку',
  'datatype.multivaluelist': 'Один або кілька ключів зі списку',
};
