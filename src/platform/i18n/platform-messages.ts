import type { Catalogue } from './index';
import { ar } from './platform-messages.ar';
import { pl } from './platform-messages.pl';
import { tr } from './platform-messages.tr';
import { uk } from './platform-messages.uk';

type Key =
  | 'skipLink'
  | 'mainNav'
  | 'home'
  | 'signIn'
  | 'signOut'
  | 'myAccount'
  | 'backOffice'
  | 'language'
  | 'switchLanguage'
  | 'footerNav'
  | 'impressum'
  | 'privacy'
  | 'accessibility'
  | 'openData'
  | 'devMailbox'
  | 'errorSummaryTitle'
  | 'errorReference'
  | 'backToHome'
  | 'optional'
  | 'signedInAs'
  | 'error.not_found.title'
  | 'error.not_found.text'
  | 'error.method_not_allowed.title'
  | 'error.method_not_allowed.text'
  | 'error.forbidden.title'
  | 'error.forbidden.text'
  | 'error.csrf_invalid.title'
  | 'error.csrf_invalid.text'
  | 'error.rate_limited.title'
  | 'error.rate_limited.text'
  | 'error.payload_too_large.title'
  | 'error.payload_too_large.text'
  | 'error.unsupported_media_type.title'
  | 'error.unsupported_media_type.text'
  | 'error.bad_request.title'
  | 'error.bad_request.text'
  | 'error.bad_request.params'
  | 'error.organization_unknown.title'
  | 'error.organization_unknown.text'
  | 'error.internal.title'
  | 'error.internal.text'
  | 'error.unavailable.title'
  | 'error.unavailable.text'
  | 'field.required'
  | 'field.tooLong'
  | 'field.email'
  | 'fieldErrorPrefix'
  | 'paging.nav'
  | 'feed.title'
  | 'feed.subtitle'
  | 'paging.previous'
  | 'paging.next'
  | 'paging.page'
  | 'paging.pageOf'
  | 'table.empty'
  | 'table.select'
  | 'table.selectAll'
  | 'table.selectNone'
  | 'table.bulkTitle';

export const platformMessages: Catalogue<Key> = {
  de: {
    skipLink: 'Zum Inhalt springen',
    mainNav: 'Hauptnavigation',
    home: 'Startseite',
    signIn: 'Anmelden',
    signOut: 'Abmelden',
    myAccount: 'Mein Konto',
    backOffice: 'Verwaltung',
    language: 'Sprache',
    switchLanguage: 'Sprache wechseln',
    footerNav: 'Rechtliches',
    impressum: 'Impressum',
    privacy: 'Datenschutzerklärung',
    accessibility: 'Erklärung zur Barrierefreiheit',
    openData: 'Offene Daten',
    devMailbox: 'Entwickler-Postfach (nur Demo)',
    errorSummaryTitle: 'Bitte prüfen Sie Ihre Eingaben',
    errorReference: 'Referenz für Rückfragen: {ref}',
    backToHome: 'Zur Startseite',
    optional: '(freiwillig)',
    signedInAs: 'Angemeldet als {name}',
    'error.not_found.title': 'Seite nicht gefunden',
    'error.not_found.text': 'Diese Seite gibt es nicht (mehr). Prüfen Sie die Adresse oder beginnen Sie auf der Startseite.',
    'error.method_not_allowed.title': 'Aktion nicht möglich',
    'error.method_not_allowed.text': 'Diese Adresse unterstützt die angefragte Aktion nicht.',
    'error.forbidden.title': 'Kein Zugriff',
    'error.forbidden.text': 'Sie haben keine Berechtigung für diese Seite.',
    'error.csrf_invalid.title': 'Formular abgelaufen',
    'error.csrf_invalid.text':
      'Das Formular war zu alt oder wurde nicht von dieser Seite gesendet. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.',
    'error.rate_limited.title': 'Zu viele Versuche',
    'error.rate_limited.text': 'Bitte warten Sie {minutes, plural, one {etwa eine Minute} other {etwa # Minuten}} und versuchen Sie es dann erneut.',
    'error.payload_too_large.title': 'Zu große Datei',
    'error.payload_too_large.text': 'Die gesendeten Daten sind zu groß.',
    'error.unsupported_media_type.title': 'Keine Dateien erwartet',
    'error.unsupported_media_type.text': 'Hier werden keine Dateien angenommen. Bitte senden Sie das Formular dieser Seite ohne Anhang.',
    'error.bad_request.title': 'Ungültige Anfrage',
    'error.bad_request.text': 'Die Anfrage konnte nicht verstanden werden.',
    'error.bad_request.params': 'Ungültig in der Adresse: {names}. Bitte prüfen Sie den Link oder beginnen Sie auf der Startseite.',
    'error.organization_unknown.title': 'Unbekannte Adresse',
    'error.organization_unknown.text': 'Unter dieser Adresse ist keine Stadt eingerichtet.',
    'error.internal.title': 'Ein Fehler ist aufgetreten',
    'error.internal.text': 'Das hat leider nicht geklappt. Ihre bisher gespeicherten Daten sind nicht verloren. Bitte versuchen Sie es später noch einmal.',
    'error.unavailable.title': 'Gerade nicht erreichbar',
    'error.unavailable.text':
      'Der Dienst ist für einen Moment nicht erreichbar, zum Beispiel wegen einer Wartung. Ihre bisher gespeicherten Daten sind nicht verloren. Bitte versuchen Sie es in einer Minute noch einmal; ein Formular können Sie mit „Zurück“ und erneutem Senden noch einmal schicken.',
    'field.required': 'Bitte füllen Sie dieses Feld aus.',
    'field.tooLong': 'Bitte kürzen Sie den Text auf höchstens {max} Zeichen.',
    'field.email': 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.de.',
    fieldErrorPrefix: 'Fehler:',
    'paging.nav': 'Seiten',
    'feed.title': 'Neues aus {city}',
    'feed.subtitle': 'Was die Stadt und ihre Bürgerinnen und Bürger auf dieser Plattform zuletzt veröffentlicht haben',
    'paging.previous': 'Vorherige Seite',
    'paging.next': 'Nächste Seite',
    'paging.page': 'Seite {n}',
    'paging.pageOf': 'Seite {page} von {pages}',
    'table.empty': 'Keine Einträge vorhanden.',
    'table.select': 'Auswahl',
    'table.selectAll': 'Alle auswählen',
    'table.selectNone': 'Auswahl aufheben',
    'table.bulkTitle': 'Ausgewählte Einträge ändern',
  },
  en: {
    skipLink: 'Skip to content',
    mainNav: 'Main navigation',
    home: 'Home',
    signIn: 'Sign in',
    signOut: 'Sign out',
    myAccount: 'My account',
    backOffice: 'Back office',
    language: 'Language',
    switchLanguage: 'Change language',
    footerNav: 'Legal',
    impressum: 'Legal notice (Impressum)',
    privacy: 'Privacy policy',
    accessibility: 'Accessibility statement',
    openData: 'Open data',
    devMailbox: 'Developer mailbox (demo only)',
    errorSummaryTitle: 'Please check your answers',
    errorReference: 'Reference for enquiries: {ref}',
    backToHome: 'Go to the home page',
    optional: '(optional)',
    signedInAs: 'Signed in as {name}',
    'error.not_found.title': 'Page not found',
    'error.not_found.text': 'This page does not exist (any more). Check the address or start from the home page.',
    'error.method_not_allowed.title': 'Action not possible',
    'error.method_not_allowed.text': 'This address does not support the requested action.',
    'error.forbidden.title': 'No access',
    'error.forbidden.text': 'You do not have permission to see this page.',
    'error.csrf_invalid.title': 'Form expired',
    'error.csrf_invalid.text': 'The form was too old or was not sent from this site. Please reload the page and try again.',
    'error.rate_limited.title': 'Too many attempts',
    'error.rate_limited.text': 'Please wait about {minutes, plural, one {a minute} other {# minutes}} and then try again.',
    'error.payload_too_large.title': 'File too large',
    'error.payload_too_large.text': 'The data you sent is too large.',
    'error.unsupported_media_type.title': 'No files expected',
    'error.unsupported_media_type.text': 'This address takes no files. Please send the form of this page without attachments.',
    'error.bad_request.title': 'Invalid request',
    'error.bad_request.text': 'The request could not be understood.',
    'error.bad_request.params': 'Not valid in the address: {names}. Please check the link or start from the home page.',
    'error.organization_unknown.title': 'Unknown address',
    'error.organization_unknown.text': 'No city is set up at this address.',
    'error.internal.title': 'Something went wrong',
    'error.internal.text': 'Sorry, that did not work. Nothing you saved before is lost. Please try again later.',
    'error.unavailable.title': 'Unavailable just now',
    'error.unavailable.text':
      'The service is unavailable for a moment, for example during maintenance. Nothing you saved before is lost. Please try again in a minute; to send a form again, go back and send it once more.',
    'field.required': 'Please fill in this field.',
    'field.tooLong': 'Please shorten the text to at most {max} characters.',
    'field.email': 'Please enter a valid email address, e.g. name@example.com.',
    fieldErrorPrefix: 'Error:',
    'paging.nav': 'Pages',
    'feed.title': 'News from {city}',
    'feed.subtitle': 'What the city and its residents published on this platform most recently',
    'paging.previous': 'Previous page',
    'paging.next': 'Next page',
    'paging.page': 'Page {n}',
    'paging.pageOf': 'Page {page} of {pages}',
    'table.empty': 'There are no entries.',
    'table.select': 'Select',
    'table.selectAll': 'Select all',
    'table.selectNone': 'Clear selection',
    'table.bulkTitle': 'Change the selected entries',
  },
  tr,
  ar,
  uk,
  pl,
};
