import type { Translation } from '../../platform/i18n';
import type { accountPageMessages } from './account-page.messages';

// Українська (Ukrainian): the residents' texts of ./account-page.messages.ts (docs/i18n.md).
export const uk: Translation<typeof accountPageMessages> = {
  onThisPage: 'На цій сторінці',
  nameOfferText: 'У зверненні ви вказали ім’я «{name}». У вашому обліковому записі імені ще немає.',
  nameOfferHint: 'Ім’я показується лише там, де ви явно цього бажаєте у своєму внеску. Ви можете будь-коли змінити або видалити його нижче.',
  nameOfferButton: 'Перенести ім’я «{name}» зі звернення',
  nameTaken: 'Ім’я «{name}» тепер збережено у вашому обліковому записі.',
};
