import type { Catalogue } from '../../platform/i18n';
import { ar } from './account-page.messages.ar';
import { pl } from './account-page.messages.pl';
import { tr } from './account-page.messages.tr';
import { uk } from './account-page.messages.uk';

type Key = 'onThisPage' | 'nameOfferText' | 'nameOfferHint' | 'nameOfferButton' | 'nameTaken';

/** "Mein Konto": the frame around the modules' sections, and the name offered from a report. */
export const accountPageMessages: Catalogue<Key> = {
  de: {
    onThisPage: 'Auf dieser Seite',
    nameOfferText: 'Bei einer Meldung haben Sie den Namen „{name}“ angegeben. Ihr Konto hat noch keinen Namen.',
    nameOfferHint: 'Der Name wird nur angezeigt, wenn Sie es bei einem Beitrag ausdrücklich wünschen. Sie können ihn unten jederzeit ändern oder löschen.',
    nameOfferButton: 'Den Namen „{name}“ aus Ihrer Meldung übernehmen',
    nameTaken: 'Der Name „{name}“ steht jetzt in Ihrem Konto.',
  },
  en: {
    onThisPage: 'On this page',
    nameOfferText: 'You gave the name “{name}” on a report. Your account has no name yet.',
    nameOfferHint: 'The name is only shown where you ask for it on a contribution. You can change or remove it below at any time.',
    nameOfferButton: 'Use the name “{name}” from your report',
    nameTaken: 'Your account now has the name “{name}”.',
  },
  tr,
  ar,
  uk,
  pl,
};
