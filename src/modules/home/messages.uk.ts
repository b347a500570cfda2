import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Українська (Ukrainian): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof messages> = {
  title: 'Kümmerer («той, хто дбає») – ваше місто вас слухає',
  intro: 'Тут ви повідомляєте {city}, де потрібно щось зробити, і відкрито стежите, що з цього вийде.',
  actionsTitle: 'Що ви хочете зробити?',
  accountTitle: 'Ваш обліковий запис',
  signInCta: 'Увійти, щоб стежити за дописами',
  staffCta: 'Вхід для працівників міста',
};
