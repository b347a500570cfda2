import type { Catalogue } from '../../../platform/i18n';
import { ar } from './notifications.messages.ar';
import { pl } from './notifications.messages.pl';
import { tr } from './notifications.messages.tr';
import { uk } from './notifications.messages.uk';

// Texts of status emails, unsubscribing, the questionnaire after "fixed" and its statistics.

type Key =
  | 'mail.updateSubject'
  | 'mail.updateIntro'
  | 'mail.updateState'
  | 'mail.updateLink'
  | 'mail.updateWhy'
  | 'mail.englishBelow'
  | 'mail.greeting'
  | 'mail.questionSubject'
  | 'mail.questionBody'
  | 'mail.event.questionnaire.yes'
  | 'mail.event.questionnaire.no'
  | 'mail.event.questionnaire.unknown'
  | 'unsubscribeTitle'
  | 'unsubscribeText'
  | 'unsubscribeButton'
  | 'unsubscribedTitle'
  | 'unsubscribedText'
  | 'unsubscribeGoneTitle'
  | 'unsubscribeGoneText'
  | 'toReport'
  | 'toHome'
  | 'qTitle'
  | 'qIntro'
  | 'qLegend'
  | 'qYes'
  | 'qNo'
  | 'qUnknown'
  | 'qComment'
  | 'qCommentHint'
  | 'qSend'
  | 'qPrivacy'
  | 'qGoneTitle'
  | 'qGoneText'
  | 'qThanksTitle'
  | 'qThanksYes'
  | 'qThanksNo'
  | 'qThanksUnknown'
  | 'err.answer'
  | 'err.commentTooLong'
  | 'errorSummaryTitle'
  | 'statsTitle'
  | 'statsIntro'
  | 'statsTable'
  | 'statsCategory'
  | 'statsSent'
  | 'statsAnswered'
  | 'statsYes'
  | 'statsNo'
  | 'statsUnknown'
  | 'statsAll'
  | 'statsNone'
  | 'statsComments'
  | 'statsCommentsNone'
  | 'statsCommentReport'
  | 'statsSummary'
  | 'statsAnsweredOn';

export const notificationMessages: Catalogue<Key> = {
  // Only staff read these: German and English only (docs/i18n.md).
  staff: ['stats*'],
  de: {
    'mail.updateSubject': 'Neuigkeiten zu Meldung #{id}',
    'mail.updateIntro': 'Guten Tag,\n\nzu Meldung #{id} „{category}“ gibt es Neuigkeiten:',
    'mail.updateState': 'Aktueller Stand: {status}',
    'mail.updateLink': 'Meldung ansehen: {link}',
    'mail.updateWhy':
      'Sie erhalten diese E-Mail, weil Sie diese Meldung verfolgen. Mehrere Änderungen innerhalb von 10 Minuten fassen wir in einer E-Mail zusammen. Keine E-Mails mehr zu dieser Meldung:',
    'mail.englishBelow': '(English version below)',
    'mail.greeting': 'Mit freundlichen Grüßen\n{city}',
    'mail.questionSubject': 'Ist das Problem behoben? Meldung #{id}',
    'mail.questionBody':
      'Guten Tag,\n\ndie Stadt hat Ihre Meldung #{id} „{category}“ am {date} als erledigt markiert. Ist das Problem wirklich behoben?\n\nIhre Antwort hilft uns, besser zu werden. Ein Klick genügt, eine Anmeldung ist nicht nötig (der Link gilt bis {until}):\n{link}\n\nWenn Sie „Nein“ antworten, öffnen wir die Meldung wieder.',
    'mail.event.questionnaire.yes': 'Die meldende Person bestätigt: Das Problem ist behoben.',
    'mail.event.questionnaire.no': 'Die meldende Person sagt: Das Problem ist nicht behoben.',
    'mail.event.questionnaire.unknown': 'Die meldende Person weiß nicht, ob das Problem behoben ist.',
    unsubscribeTitle: 'E-Mails zu einer Meldung abbestellen',
    unsubscribeText: 'Sie erhalten eine E-Mail, wenn sich bei Meldung #{id} etwas ändert. Möchten Sie diese E-Mails abbestellen?',
    unsubscribeButton: 'Keine E-Mails mehr zu dieser Meldung',
    unsubscribedTitle: 'Abbestellt',
    unsubscribedText: 'Sie erhalten keine E-Mails mehr zu Meldung #{id}.',
    unsubscribeGoneTitle: 'Dieser Link gilt nicht mehr',
    unsubscribeGoneText: 'Der Link ist unbekannt, oder die E-Mails sind schon abbestellt. Es ist nichts weiter zu tun.',
    toReport: 'Zur Meldung #{id}',
    toHome: 'Zur Startseite',
    qTitle: 'Ist das Problem behoben?',
    qIntro: 'Die Stadt hat Meldung #{id} „{category}“ am {date} als erledigt markiert. Bitte sagen Sie uns, ob das stimmt.',
    qLegend: 'Ist das Problem behoben?',
    qYes: 'Ja, es ist behoben',
    qNo: 'Nein, es ist nicht behoben',
    qUnknown: 'Ich weiß es nicht',
    qComment: 'Was ist noch nicht in Ordnung?',
    qCommentHint: 'Vor allem, wenn Sie „Nein“ antworten. Höchstens {max} Zeichen.',
    qSend: 'Antwort senden',
    qPrivacy: 'Ihre Antwort wird bei der Meldung vermerkt; Ihren Text sieht nur die Stadtverwaltung. Bitte keine persönlichen Daten anderer Menschen.',
    qGoneTitle: 'Diese Umfrage ist beendet',
    qGoneText: 'Der Link ist abgelaufen, unbekannt oder wurde schon benutzt. Danke, dass Sie sich die Zeit nehmen wollten!',
    qThanksTitle: 'Danke für Ihre Antwort',
    qThanksYes: 'Schön, dass das Problem behoben ist.',
    qThanksNo: 'Wir haben Meldung #{id} wieder geöffnet; die zuständige Stelle kümmert sich darum. Sie erhalten eine E-Mail, wenn sich etwas ändert.',
    qThanksUnknown: 'Danke, wir haben Ihre Antwort vermerkt.',
    'err.answer': 'Bitte wählen Sie eine Antwort: „Ja“, „Nein“ oder „Ich weiß es nicht“.',
    'err.commentTooLong': 'Bitte kürzen Sie Ihren Text auf höchstens {max} Zeichen.',
    errorSummaryTitle: 'Es gibt ein Problem',
    statsTitle: 'Umfrage nach Erledigung',
    statsIntro:
      'Einige Wochen nachdem eine Meldung als erledigt markiert wurde, fragen wir die meldende Person, ob das Problem wirklich behoben ist. Anteile beziehen sich auf die beantworteten Umfragen.',
    statsTable: 'Antworten nach Kategorie',
    statsCategory: 'Kategorie',
    statsSent: 'Verschickt',
    statsAnswered: 'Beantwortet',
    statsYes: 'Behoben',
    statsNo: 'Nicht behoben',
    statsUnknown: 'Weiß nicht',
    statsAll: 'Alle Kategorien',
    statsNone: 'Es wurden noch keine Umfragen verschickt.',
    statsComments: 'Warum nicht behoben? Antworten mit „Nein“',
    statsCommentsNone: 'Bisher hat niemand mit „Nein“ geantwortet.',
    statsCommentReport: 'Meldung #{id}',
    statsSummary: '{answered} von {sent} Umfragen beantwortet: {yes} behoben, {no} nicht behoben, {unknown} weiß nicht.',
    statsAnsweredOn: 'beantwortet am {date}',
  },
  en: {
    'mail.updateSubject': 'Update on report #{id}',
    'mail.updateIntro': 'Hello,\n\nthere is news about report #{id} “{category}”:',
    'mail.updateState': 'Current state: {status}',
    'mail.updateLink': 'View the report: {link}',
    'mail.updateWhy':
      'You receive this email because you follow this report. Several changes within 10 minutes come in one email. To stop emails about this report:',
    'mail.englishBelow': '(English version below)',
    'mail.greeting': 'Kind regards\n{city}',
    'mail.questionSubject': 'Has it been fixed? Report #{id}',
    'mail.questionBody':
      'Hello,\n\nthe city marked your report #{id} “{category}” as fixed on {date}. Has the problem really been fixed?\n\nYour answer helps us improve. One click is enough, no sign-in needed (the link is valid until {until}):\n{link}\n\nIf you answer “No”, we reopen the report.',
    'mail.event.questionnaire.yes': 'The person who reported it confirms: the problem has been fixed.',
    'mail.event.questionnaire.no': 'The person who reported it says: the problem has not been fixed.',
    'mail.event.questionnaire.unknown': 'The person who reported it does not know whether the problem has been fixed.',
    unsubscribeTitle: 'Stop emails about a report',
    unsubscribeText: 'You get an email when something changes on report #{id}. Do you want to stop these emails?',
    unsubscribeButton: 'No more emails about this report',
    unsubscribedTitle: 'Unsubscribed',
    unsubscribedText: 'You will not get any more emails about report #{id}.',
    unsubscribeGoneTitle: 'This link is no longer valid',
    unsubscribeGoneText: 'The link is unknown, or the emails have already been stopped. There is nothing else to do.',
    toReport: 'Go to report #{id}',
    toHome: 'Go to the home page',
    qTitle: 'Has the problem been fixed?',
    qIntro: 'The city marked report #{id} “{category}” as fixed on {date}. Please tell us whether that is right.',
    qLegend: 'Has the problem been fixed?',
    qYes: 'Yes, it has been fixed',
    qNo: 'No, it has not been fixed',
    qUnknown: 'I don’t know',
    qComment: 'What is still wrong?',
    qCommentHint: 'Especially if you answer “No”. At most {max} characters.',
    qSend: 'Send answer',
    qPrivacy: 'Your answer is noted on the report; only the city administration sees your text. Please no personal data of other people.',
    qGoneTitle: 'This survey has ended',
    qGoneText: 'The link has expired, is unknown or has already been used. Thank you for wanting to take the time!',
    qThanksTitle: 'Thank you for your answer',
    qThanksYes: 'Good to hear the problem has been fixed.',
    qThanksNo: 'We have reopened report #{id}; the responsible department will look into it. You will get an email when something changes.',
    qThanksUnknown: 'Thank you, we have noted your answer.',
    'err.answer': 'Please choose an answer: “Yes”, “No” or “I don’t know”.',
    'err.commentTooLong': 'Please shorten your text to at most {max} characters.',
    errorSummaryTitle: 'There is a problem',
    statsTitle: 'Survey after fixing',
    statsIntro:
      'Some weeks after a report was marked as fixed we ask the person who reported it whether the problem has really been fixed. Shares refer to answered surveys.',
    statsTable: 'Answers by category',
    statsCategory: 'Category',
    statsSent: 'Sent',
    statsAnswered: 'Answered',
    statsYes: 'Fixed',
    statsNo: 'Not fixed',
    statsUnknown: 'Don’t know',
    statsAll: 'All categories',
    statsNone: 'No surveys have been sent yet.',
    statsComments: 'Why not fixed? Answers with “No”',
    statsCommentsNone: 'Nobody has answered “No” so far.',
    statsCommentReport: 'Report #{id}',
    statsSummary: '{answered} of {sent} surveys answered: {yes} fixed, {no} not fixed, {unknown} don’t know.',
    statsAnsweredOn: 'answered on {date}',
  },
  tr,
  ar,
  uk,
  pl,
};
