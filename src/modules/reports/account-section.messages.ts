import type { Catalogue } from '../../platform/i18n';
import { ar } from './account-section.messages.ar';
import { pl } from './account-section.messages.pl';
import { tr } from './account-section.messages.tr';
import { uk } from './account-section.messages.uk';

type Key =
  | 'mine.title'
  | 'mine.count'
  | 'mine.none'
  | 'mine.reportNow'
  | 'mine.hidden'
  | 'mine.unconfirmed'
  | 'mine.inReview'
  | 'mine.pages'
  | 'followed.title'
  | 'followed.intro'
  | 'followed.none'
  | 'followed.following'
  | 'followed.supporting'
  | 'followed.stop'
  | 'followed.pages'
  | 'settings.title'
  | 'settings.intro'
  | 'settings.mails'
  | 'settings.status'
  | 'settings.questionnaire'
  | 'settings.digest'
  | 'settings.digestHint'
  | 'settings.digest.immediately'
  | 'settings.digest.daily'
  | 'settings.digest.weekly'
  | 'settings.save'
  | 'settings.err.digest'
  | 'digest.subject'
  | 'digest.intro.daily'
  | 'digest.intro.weekly'
  | 'digest.report'
  | 'digest.unsubscribe'
  | 'digest.settings';

/** The reports' sections on "Mein Konto" and the digest mail their settings choose. */
export const accountSectionMessages: Catalogue<Key> = {
  de: {
    'mine.title': 'Meine Meldungen',
    'mine.count': '{n, plural, one {Sie haben # Meldung geschickt, die neueste zuerst.} other {Sie haben # Meldungen geschickt, die neuesten zuerst.}}',
    'mine.none': 'Sie haben noch nichts gemeldet.',
    'mine.reportNow': 'Problem melden',
    'mine.hidden': 'Nicht öffentlich: von der Moderation ausgeblendet.',
    'mine.unconfirmed': 'Noch nicht öffentlich: Bitte bestätigen Sie die Meldung mit dem Link aus unserer E-Mail.',
    'mine.inReview': 'Noch nicht öffentlich: Die Stadt prüft den Ort und den Text, bevor sie erscheinen.',
    'mine.pages': 'Seiten meiner Meldungen',
    'followed.title': 'Meldungen, denen ich folge oder die ich unterstütze',
    'followed.intro': 'Zu Meldungen, denen Sie folgen, bekommen Sie E-Mails, wenn sich etwas ändert.',
    'followed.none':
      'Sie folgen noch keiner Meldung anderer und unterstützen keine. Auf jeder Meldung geht das mit „Ich auch“ und „Über Änderungen informieren“.',
    'followed.following': 'Sie folgen',
    'followed.supporting': 'Sie unterstützen',
    'followed.stop': 'Nicht mehr folgen',
    'followed.pages': 'Seiten der verfolgten und unterstützten Meldungen',
    'settings.title': 'E-Mails zu Meldungen',
    'settings.intro': 'Gilt für E-Mails an {email} zu Ihren Meldungen und zu denen, denen Sie folgen.',
    'settings.mails': 'Welche E-Mails möchten Sie bekommen?',
    'settings.status': 'Neuigkeiten, wenn sich bei einer Meldung etwas ändert',
    'settings.questionnaire': 'Die Nachfrage, ob ein als erledigt gemeldetes Problem wirklich behoben ist',
    'settings.digest': 'Wie oft sollen Neuigkeiten kommen?',
    'settings.digestHint': 'Gilt, wenn Sie Neuigkeiten bekommen möchten.',
    'settings.digest.immediately': 'Sofort: Änderungen innerhalb von 10 Minuten in einer E-Mail',
    'settings.digest.daily': 'Einmal am Tag: alle Meldungen in einer E-Mail',
    'settings.digest.weekly': 'Einmal in der Woche: alle Meldungen in einer E-Mail',
    'settings.save': 'Einstellungen speichern',
    'settings.err.digest': 'Bitte wählen Sie, wie oft Neuigkeiten kommen sollen.',
    'digest.subject': '{n, plural, one {Neuigkeiten zu # Meldung} other {Neuigkeiten zu # Meldungen}}',
    'digest.intro.daily': 'Guten Tag,\n\nhier ist Ihre tägliche Zusammenfassung: Das hat sich seit der letzten E-Mail getan.',
    'digest.intro.weekly': 'Guten Tag,\n\nhier ist Ihre wöchentliche Zusammenfassung: Das hat sich seit der letzten E-Mail getan.',
    'digest.report': 'Meldung #{id} „{category}“:',
    'digest.unsubscribe': 'Keine E-Mails mehr zu dieser Meldung: {link}',
    'digest.settings': 'Wie oft Sie E-Mails bekommen, stellen Sie unter „Mein Konto“ ein: {link}',
  },
  en: {
    'mine.title': 'My reports',
    'mine.count': '{n, plural, one {You have sent # report, newest first.} other {You have sent # reports, newest first.}}',
    'mine.none': 'You have not reported anything yet.',
    'mine.reportNow': 'Report a problem',
    'mine.hidden': 'Not public: hidden by the moderators.',
    'mine.unconfirmed': 'Not public yet: please confirm the report with the link in our email.',
    'mine.inReview': 'Not public yet: the city checks the place and the text before they appear.',
    'mine.pages': 'Pages of my reports',
    'followed.title': 'Reports I follow or support',
    'followed.intro': 'For reports you follow, you get an email when something changes.',
    'followed.none': 'You do not follow or support anyone else’s report yet. Every report has “Me too” and “Keep me informed” for that.',
    'followed.following': 'You follow',
    'followed.supporting': 'You support',
    'followed.stop': 'Stop following',
    'followed.pages': 'Pages of followed and supported reports',
    'settings.title': 'Emails about reports',
    'settings.intro': 'For emails to {email} about your reports and the ones you follow.',
    'settings.mails': 'Which emails would you like to get?',
    'settings.status': 'News when something changes on a report',
    'settings.questionnaire': 'The question whether a problem marked as fixed really is fixed',
    'settings.digest': 'How often should news come?',
    'settings.digestHint': 'Applies when you want to get news.',
    'settings.digest.immediately': 'Right away: changes within 10 minutes in one email',
    'settings.digest.daily': 'Once a day: all reports in one email',
    'settings.digest.weekly': 'Once a week: all reports in one email',
    'settings.save': 'Save settings',
    'settings.err.digest': 'Please choose how often news should come.',
    'digest.subject': '{n, plural, one {News on # report} other {News on # reports}}',
    'digest.intro.daily': 'Hello,\n\nhere is your daily summary: this is what has happened since the last email.',
    'digest.intro.weekly': 'Hello,\n\nhere is your weekly summary: this is what has happened since the last email.',
    'digest.report': 'Report #{id} “{category}”:',
    'digest.unsubscribe': 'No more emails about this report: {link}',
    'digest.settings': 'Choose how often you get emails under “My account”: {link}',
  },
  tr,
  ar,
  uk,
  pl,
};
