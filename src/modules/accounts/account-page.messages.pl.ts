import type { Translation } from '../../platform/i18n';
import type { accountPageMessages } from './account-page.messages';

// Polski (Polish): the residents' texts of ./account-page.messages.ts (docs/i18n.md).
export const pl: Translation<typeof accountPageMessages> = {
  onThisPage: 'Na tej stronie',
  nameOfferText: 'W zgłoszeniu podali Państwo imię i nazwisko „{name}”. Konto nie ma jeszcze nazwy.',
  nameOfferHint:
    'Imię i nazwisko jest pokazywane tylko tam, gdzie wyraźnie Państwo tego chcą przy danym wpisie. Można je w każdej chwili zmienić lub usunąć poniżej.',
  nameOfferButton: 'Przejmij „{name}” ze zgłoszenia',
  nameTaken: 'Konto ma teraz nazwę „{name}”.',
};
