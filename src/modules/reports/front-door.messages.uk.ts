import type { Translation } from '../../platform/i18n';
import type { frontDoorMessages } from './front-door.messages';

// Українська (Ukrainian): the residents' texts of ./front-door.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof frontDoorMessages> = {
  'home.reportTitle': 'Повідомити про проблему',
  'home.reportText': 'Вибоїна, зламаний ліхтар, забитий водостік: з місцем і фото – до відповідальної служби.',
  'home.newest': 'Найновіші звернення',
  'home.newestIn': 'Найновіші звернення в районі {district}',
  'home.district': 'Міський район',
  'home.wholeCity': 'Усе місто',
  'home.show': 'Показати',
  'home.none': 'Тут ще немає публічних звернень.',
  'home.allReports': 'Усі звернення на карті та в списку',
  'card.supporters': '{n, plural, one {# людина підтримує це} few {# людини підтримують це} many {# людей підтримують це} other {# людини підтримують це}}',
};
