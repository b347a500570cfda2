import type { Catalogue } from '../../platform/i18n';
import { ar } from './messages.ar';
import { pl } from './messages.pl';
import { tr } from './messages.tr';
import { uk } from './messages.uk';

type Key =
  | 'title'
  | 'intro'
  | 'actionsTitle'
  | 'accountTitle'
  | 'signInCta'
  | 'staffCta'
  | 'mailboxTitle'
  | 'mailboxIntro'
  | 'mailboxEmpty'
  | 'to'
  | 'sent'
  | 'queued';

export const messages: Catalogue<Key> = {
  // Only staff read these: German and English only (docs/i18n.md).
  staff: ['mailbox*', 'to', 'sent', 'queued'],
  de: {
    title: 'Kümmerer – Ihre Stadt hört zu',
    intro: 'Hier sagen Sie der {city}, wo etwas zu tun ist, und verfolgen öffentlich, was daraus wird.',
    actionsTitle: 'Was möchten Sie tun?',
    accountTitle: 'Ihr Konto',
    signInCta: 'Anmelden, um Beiträge zu verfolgen',
    staffCta: 'Anmeldung für Mitarbeitende der Stadt',
    mailboxTitle: 'Entwickler-Postfach',
    mailboxIntro: 'Nur im Demo-Betrieb: alle E-Mails, die Kümmerer versendet hätte, damit Anmeldelinks ohne Mailserver funktionieren.',
    mailboxEmpty: 'Noch keine E-Mails.',
    to: 'An',
    sent: 'versendet',
    queued: 'wartet auf Versand',
  },
  en: {
    title: 'Kümmerer – your city is listening',
    intro: 'Tell {city} where something needs doing, and follow in public what comes of it.',
    actionsTitle: 'What would you like to do?',
    accountTitle: 'Your account',
    signInCta: 'Sign in to follow contributions',
    staffCta: 'Sign-in for city staff',
    mailboxTitle: 'Developer mailbox',
    mailboxIntro: 'Demo mode only: every email Kümmerer would have sent, so sign-in links work without a mail server.',
    mailboxEmpty: 'No emails yet.',
    to: 'To',
    sent: 'sent',
    queued: 'waiting to be sent',
  },
  tr,
  ar,
  uk,
  pl,
};
