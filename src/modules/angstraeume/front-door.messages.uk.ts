import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// Українська (Ukrainian): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof frontDoorMessages> = {
  'home.reportTitle': 'Повідомити про Angstraum (місце, де небезпечно)',
  'home.reportText': 'Місце, де ви почуваєтеся небезпечно: темний підземний перехід, зарослий кущами шлях. Місто перевіряє його і повідомляє, що робить.',
  'home.sectionTitle': 'Карта Angsträume (місць, де небезпечно)',
  'home.sectionText':
    '{n, plural, =0 {Ще жодне місце не перевірено.} one {# перевірене місце з усіма заходами та з тим, чи вони допомогли.} few {# перевірені місця з усіма заходами та з тим, чи вони допомогли.} many {# перевірених місць з усіма заходами та з тим, чи вони допомогли.} other {# перевіреного місця з усіма заходами та з тим, чи вони допомогли.}}',
  'home.mapLink': 'До карти Angsträume',
  'home.statsLink': 'Angsträume і сміття в цифрах',
};
