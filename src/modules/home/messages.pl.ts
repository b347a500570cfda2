import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Polski (Polish): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof messages> = {
  title: 'Kümmerer – Państwa miasto słucha',
  intro:
    'Kümmerer (po niemiecku „ten, kto się sprawą zajmie”): tutaj mogą Państwo wskazać miastu ({city}), gdzie trzeba coś zrobić, i publicznie śledzić, co z tego wynika.',
  actionsTitle: 'Co chcą Państwo zrobić?',
  accountTitle: 'Państwa konto',
  signInCta: 'Zaloguj się, aby śledzić zgłoszenia',
  staffCta: 'Logowanie dla pracowników urzędu miasta',
};
