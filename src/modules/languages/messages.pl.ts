import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Polski (Polish): the residents' texts of ./messages.ts (docs/i18n.md).
export const pl: Translation<typeof messages> = {
  'easy.title': 'Prosty niemiecki (Leichte Sprache)',
  'easy.notice': 'Ta strona jest napisana w Leichte Sprache: prostym niemieckim z krótkimi zdaniami.',
  'sign.title': 'Niemiecki język migowy',
  'sign.intro':
    'Na tej stronie {city} wyjaśnia w niemieckim języku migowym (DGS), co można zrobić w tym serwisie: zgłaszać szkody i śmieci, śledzić zgłoszenia i uzyskać pomoc.',
  'sign.videosTitle': 'Filmy w niemieckim języku migowym',
  'sign.none': 'Nie ma tu jeszcze filmów w języku migowym. Jeśli potrzebują Państwo informacji w języku migowym, prosimy do nas napisać.',
  'sign.noVideoSupport': 'Ta przeglądarka nie może odtworzyć tego filmu.',
  'sign.download': 'Pobierz film: {title}',
  'sign.captions': 'Niemiecki',
  'sign.helpTitle': 'Pomoc i kontakt',
  'sign.helpEmail': 'Mają Państwo pytania lub problemy? Prosimy napisać do nas e-mail:',
  'sign.helpForm': 'Uwagi można przekazać przez formularz dotyczący dostępności',
  'sign.easyLink': 'Informacje w prostym niemieckim (Leichte Sprache)',
};
