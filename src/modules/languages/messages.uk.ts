import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Українська (Ukrainian): the residents' texts of ./messages.ts (docs/i18n.md).
export const uk: Translation<typeof messages> = {
  'easy.title': 'Проста німецька (Leichte Sprache)',
  'easy.notice': 'Цю сторінку написано мовою Leichte Sprache: простою німецькою з короткими реченнями.',
  'sign.title': 'Німецька жестова мова',
  'sign.intro':
    'На цій сторінці {city} пояснює німецькою жестовою мовою (DGS), що ви можете робити на цьому сайті: повідомляти про пошкодження та сміття, стежити за зверненнями й отримувати допомогу.',
  'sign.videosTitle': 'Відео німецькою жестовою мовою',
  'sign.none': 'Тут ще немає відео жестовою мовою. Якщо вам потрібна інформація жестовою мовою, напишіть нам.',
  'sign.noVideoSupport': 'Ваш браузер не може відтворити це відео.',
  'sign.download': 'Завантажити відео: {title}',
  'sign.captions': 'Німецька',
  'sign.helpTitle': 'Допомога та контакти',
  'sign.helpEmail': 'Маєте запитання чи проблеми? Напишіть нам електронного листа:',
  'sign.helpForm': 'Залишити відгук через форму щодо доступності',
  'sign.easyLink': 'Інформація простою німецькою (Leichte Sprache)',
};
