import type { Catalogue } from '../../../platform/i18n';
import { ar } from './messages.ar';
import { pl } from './messages.pl';
import { tr } from './messages.tr';
import { uk } from './messages.uk';

// Texts of comments, flags, follows and the digest mail of the participation core; the moderation queue and the
// staff-only parts of the comment form (official answers, moderating) are staff texts (de, en).

type Key =
  | 'section.title'
  | 'section.count'
  | 'section.empty'
  | 'section.replies'
  | 'author.anonymous'
  | 'author.official'
  | 'comment.edited'
  | 'comment.hidden'
  | 'comment.removed'
  | 'comment.permalink'
  | 'form.title'
  | 'form.body'
  | 'form.bodyHint'
  | 'form.showName'
  | 'form.noName'
  | 'form.submit'
  | 'form.closed'
  | 'form.signIn'
  | 'form.refused'
  | 'form.errorTitle'
  | 'reply.open'
  | 'reply.label'
  | 'reply.submit'
  | 'edit.open'
  | 'edit.label'
  | 'edit.hint'
  | 'edit.submit'
  | 'flag.open'
  | 'flag.reason'
  | 'flag.submit'
  | 'flag.done'
  | 'err.body'
  | 'err.bodyLong'
  | 'err.reason'
  | 'err.reasonLong'
  | 'err.editClosed'
  | 'err.editLocked'
  | 'page.title'
  | 'page.back'
  | 'page.flagTitle'
  | 'page.editTitle'
  | 'follow.title'
  | 'follow.hint'
  | 'follow.follow'
  | 'follow.unfollow'
  | 'follow.following'
  | 'follow.signIn'
  | 'unsubscribe.title'
  | 'unsubscribe.question'
  | 'unsubscribe.submit'
  | 'unsubscribe.done'
  | 'unsubscribe.invalid'
  | 'digest.subject'
  | 'digest.intro.daily'
  | 'digest.intro.weekly'
  | 'digest.item'
  | 'digest.comments'
  | 'digest.officialAnswer'
  | 'digest.status'
  | 'digest.news'
  | 'digest.link'
  | 'digest.unsubscribe'
  | 'digest.settings'
  | 'digest.greeting'
  | 'account.title'
  | 'account.intro'
  | 'account.gone'
  | 'export.comments'
  | 'export.flags'
  | 'export.follows'
  | 'staff.official'
  | 'staff.officialHint'
  | 'bo.menu'
  | 'bo.title'
  | 'bo.intro'
  | 'bo.view.flagged'
  | 'bo.view.hidden'
  | 'bo.caption.flagged'
  | 'bo.caption.hidden'
  | 'bo.col.comment'
  | 'bo.col.item'
  | 'bo.col.reasons'
  | 'bo.col.since'
  | 'bo.col.hiddenReason'
  | 'bo.col.actions'
  | 'bo.itemGone'
  | 'bo.official'
  | 'bo.hideReason'
  | 'bo.hideReasonHint'
  | 'bo.hide'
  | 'bo.dismiss'
  | 'bo.show'
  | 'bo.empty.flagged'
  | 'bo.empty.hidden'
  | 'bo.err.reason'
  | 'bo.ok.hidden'
  | 'bo.ok.shown'
  | 'bo.ok.dismissed'
  | 'bo.moderate';

export const commentMessages: Catalogue<Key> = {
  staff: ['bo.*', 'staff.*'],
  de: {
    'section.title': 'Kommentare',
    'section.count': '{n, plural, =0 {Noch keine Kommentare} one {# Kommentar} other {# Kommentare}}',
    'section.empty': 'Noch hat niemand kommentiert.',
    'section.replies': 'Antworten auf den Kommentar von {name}',
    'author.anonymous': 'Anwohner*in',
    'author.official': 'Offizielle Antwort der Stadt',
    'comment.edited': 'bearbeitet',
    'comment.hidden': 'Ausgeblendet von der Moderation: {reason}',
    'comment.removed': 'Dieser Kommentar wurde gelöscht.',
    'comment.permalink': 'Kommentar von {name}, {time}',
    'form.title': 'Kommentar schreiben',
    'form.body': 'Ihr Kommentar',
    'form.bodyHint': 'Höchstens 5.000 Zeichen. Bitte bleiben Sie freundlich und sachlich; die Moderation blendet Beiträge aus, die andere angreifen.',
    'form.showName': 'Meinen Namen „{name}“ zeigen (sonst erscheint „Anwohner*in“)',
    'form.noName': 'Ihr Kommentar erscheint als „Anwohner*in“. Einen Namen können Sie unter „Mein Konto“ angeben.',
    'form.submit': 'Kommentar senden',
    'form.closed': 'Hier kann nicht mehr kommentiert werden.',
    'form.signIn': 'Melden Sie sich an, um zu kommentieren.',
    'form.refused': 'Sie können hier nicht kommentieren.',
    'form.errorTitle': 'Bitte prüfen Sie Ihre Eingabe',
    'reply.open': 'Antworten',
    'reply.label': 'Ihre Antwort an {name}',
    'reply.submit': 'Antwort senden',
    'edit.open': 'Bearbeiten',
    'edit.label': 'Ihr Kommentar',
    'edit.hint': 'Ändern können Sie Ihren Kommentar in den ersten 15 Minuten.',
    'edit.submit': 'Änderung speichern',
    'flag.open': 'Melden',
    'flag.reason': 'Was ist an diesem Kommentar nicht in Ordnung?',
    'flag.submit': 'An die Moderation melden',
    'flag.done': 'Sie haben diesen Kommentar gemeldet. Die Moderation sieht ihn sich an.',
    'err.body': 'Bitte schreiben Sie Ihren Kommentar.',
    'err.bodyLong': 'Ihr Kommentar ist zu lang: höchstens 5.000 Zeichen.',
    'err.reason': 'Bitte schreiben Sie kurz, was nicht in Ordnung ist.',
    'err.reasonLong': 'Bitte fassen Sie sich kürzer: höchstens 1.000 Zeichen.',
    'err.editClosed': 'Die 15 Minuten sind vorbei: Dieser Kommentar lässt sich nicht mehr ändern.',
    'err.editLocked': 'Dieser Kommentar wurde gemeldet oder ausgeblendet: Bis die Moderation entschieden hat, lässt er sich nicht ändern.',
    'page.title': 'Kommentare zu „{title}“',
    'page.back': 'Zurück zu „{title}“',
    'page.flagTitle': 'Kommentar melden',
    'page.editTitle': 'Kommentar bearbeiten',
    'follow.title': 'Neuigkeiten per E-Mail',
    'follow.hint': 'Wenn Sie folgen, bekommen Sie höchstens einmal am Tag eine E-Mail mit allem, was es Neues gibt.',
    'follow.follow': 'Folgen',
    'follow.unfollow': 'Nicht mehr folgen',
    'follow.following': 'Sie folgen diesem Beitrag.',
    'follow.signIn': 'Melden Sie sich an, um diesem Beitrag zu folgen.',
    'unsubscribe.title': 'E-Mails abbestellen',
    'unsubscribe.question': 'Keine E-Mails mehr zu „{title}“ bekommen?',
    'unsubscribe.submit': 'Abbestellen',
    'unsubscribe.done': 'Sie bekommen keine E-Mails mehr zu „{title}“.',
    'unsubscribe.invalid': 'Dieser Link gilt nicht mehr. Vielleicht haben Sie schon abbestellt.',
    'digest.subject': '{n, plural, one {Neuigkeiten zu # Beitrag} other {Neuigkeiten zu # Beiträgen}}',
    'digest.intro.daily': 'Guten Tag,\n\ndas ist neu bei den Beiträgen, denen Sie folgen (Zusammenfassung des Tages):',
    'digest.intro.weekly': 'Guten Tag,\n\ndas ist neu bei den Beiträgen, denen Sie folgen (Zusammenfassung der Woche):',
    'digest.item': '„{title}“',
    'digest.comments': '{n, plural, one {# neuer Kommentar} other {# neue Kommentare}}',
    'digest.officialAnswer': 'Die Stadt hat offiziell geantwortet.',
    'digest.status': 'Der Stand hat sich geändert.',
    'digest.news': 'Es gibt Neuigkeiten.',
    'digest.link': 'Ansehen: {link}',
    'digest.unsubscribe': 'Keine E-Mails mehr zu diesem Beitrag: {link}',
    'digest.settings': 'Wie oft Sie E-Mails bekommen, stellen Sie unter „Mein Konto“ ein: {link}',
    'digest.greeting': 'Freundliche Grüße\n{city}',
    'account.title': 'Verfolgte Beiträge',
    'account.intro': 'Zu diesen Beiträgen bekommen Sie Neuigkeiten in Ihrer Zusammenfassung per E-Mail.',
    'account.gone': 'Ein Beitrag, der nicht mehr öffentlich ist',
    'export.comments': 'Ihre Kommentare zu Beiträgen der Beteiligung (Ideen, Verfahren …), mit Text, Zeitpunkt und ob die Moderation sie ausgeblendet hat.',
    'export.flags': 'Kommentare, die Sie an die Moderation gemeldet haben, mit Ihrer Begründung und der Entscheidung.',
    'export.follows': 'Beiträge, denen Sie folgen (Sie bekommen dazu die Zusammenfassung per E-Mail).',
    'staff.official': 'Als offizielle Antwort der Stadt kennzeichnen',
    'staff.officialHint': 'Sie antworten für Ihre Abteilung; die Antwort wird hervorgehoben und Folgende bekommen Bescheid.',
    'bo.menu': 'Moderation',
    'bo.title': 'Moderation',
    'bo.intro':
      'Kommentare, die Anwohner*innen gemeldet haben, älteste Meldung zuerst. Ausblenden ersetzt den Text für alle durch Ihre öffentliche Begründung.',
    'bo.view.flagged': 'Gemeldet ({n})',
    'bo.view.hidden': 'Ausgeblendet',
    'bo.caption.flagged': 'Gemeldete Kommentare',
    'bo.caption.hidden': 'Ausgeblendete Kommentare',
    'bo.col.comment': 'Kommentar',
    'bo.col.item': 'Beitrag',
    'bo.col.reasons': 'Gründe',
    'bo.col.since': 'Gemeldet am',
    'bo.col.hiddenReason': 'Öffentliche Begründung',
    'bo.col.actions': 'Entscheidung',
    'bo.itemGone': 'nicht mehr öffentlich ({kind} {id})',
    'bo.official': 'offizielle Antwort',
    'bo.hideReason': 'Öffentliche Begründung',
    'bo.hideReasonHint': 'Steht für alle an der Stelle des Kommentars.',
    'bo.hide': 'Ausblenden',
    'bo.dismiss': 'Meldungen verwerfen',
    'bo.show': 'Wieder zeigen',
    'bo.empty.flagged': 'Keine gemeldeten Kommentare.',
    'bo.empty.hidden': 'Keine ausgeblendeten Kommentare.',
    'bo.err.reason': 'Bitte geben Sie eine öffentliche Begründung an (höchstens 500 Zeichen).',
    'bo.ok.hidden': 'Der Kommentar ist ausgeblendet.',
    'bo.ok.shown': 'Der Kommentar ist wieder sichtbar.',
    'bo.ok.dismissed': 'Die Meldungen sind verworfen.',
    'bo.moderate': 'Moderieren',
  },
  en: {
    'section.title': 'Comments',
    'section.count': '{n, plural, =0 {No comments yet} one {# comment} other {# comments}}',
    'section.empty': 'Nobody has commented yet.',
    'section.replies': 'Replies to the comment by {name}',
    'author.anonymous': 'Resident',
    'author.official': 'Official answer from the city',
    'comment.edited': 'edited',
    'comment.hidden': 'Hidden by the moderators: {reason}',
    'comment.removed': 'This comment has been deleted.',
    'comment.permalink': 'Comment by {name}, {time}',
    'form.title': 'Write a comment',
    'form.body': 'Your comment',
    'form.bodyHint': 'At most 5,000 characters. Please stay friendly and to the point; the moderators hide posts that attack others.',
    'form.showName': 'Show my name “{name}” (otherwise “Resident” appears)',
    'form.noName': 'Your comment appears as “Resident”. You can give a name under “My account”.',
    'form.submit': 'Send comment',
    'form.closed': 'Comments are closed here.',
    'form.signIn': 'Sign in to comment.',
    'form.refused': 'You cannot comment here.',
    'form.errorTitle': 'Please check what you entered',
    'reply.open': 'Reply',
    'reply.label': 'Your reply to {name}',
    'reply.submit': 'Send reply',
    'edit.open': 'Edit',
    'edit.label': 'Your comment',
    'edit.hint': 'You can change your comment during the first 15 minutes.',
    'edit.submit': 'Save change',
    'flag.open': 'Report',
    'flag.reason': 'What is wrong with this comment?',
    'flag.submit': 'Report to the moderators',
    'flag.done': 'You have reported this comment. The moderators will look at it.',
    'err.body': 'Please write your comment.',
    'err.bodyLong': 'Your comment is too long: at most 5,000 characters.',
    'err.reason': 'Please say briefly what is wrong.',
    'err.reasonLong': 'Please keep it shorter: at most 1,000 characters.',
    'err.editClosed': 'The 15 minutes are over: this comment can no longer be changed.',
    'err.editLocked': 'This comment has been reported or hidden: it cannot be changed until the moderators have decided.',
    'page.title': 'Comments on “{title}”',
    'page.back': 'Back to “{title}”',
    'page.flagTitle': 'Report a comment',
    'page.editTitle': 'Edit a comment',
    'follow.title': 'News by email',
    'follow.hint': 'If you follow, you get at most one email a day with everything that is new.',
    'follow.follow': 'Follow',
    'follow.unfollow': 'Stop following',
    'follow.following': 'You are following this.',
    'follow.signIn': 'Sign in to follow this.',
    'unsubscribe.title': 'Unsubscribe',
    'unsubscribe.question': 'Stop getting emails about “{title}”?',
    'unsubscribe.submit': 'Unsubscribe',
    'unsubscribe.done': 'You will get no more emails about “{title}”.',
    'unsubscribe.invalid': 'This link is no longer valid. Perhaps you have already unsubscribed.',
    'digest.subject': '{n, plural, one {News on # item} other {News on # items}}',
    'digest.intro.daily': 'Hello,\n\nhere is what is new on the items you follow (daily summary):',
    'digest.intro.weekly': 'Hello,\n\nhere is what is new on the items you follow (weekly summary):',
    'digest.item': '“{title}”',
    'digest.comments': '{n, plural, one {# new comment} other {# new comments}}',
    'digest.officialAnswer': 'The city has answered officially.',
    'digest.status': 'The state has changed.',
    'digest.news': 'There is news.',
    'digest.link': 'Have a look: {link}',
    'digest.unsubscribe': 'No more emails about this item: {link}',
    'digest.settings': 'Choose how often you get emails under “My account”: {link}',
    'digest.greeting': 'Kind regards\n{city}',
    'account.title': 'Items I follow',
    'account.intro': 'You get news about these items in your summary email.',
    'account.gone': 'An item that is no longer public',
    'export.comments': 'Your comments on participation items (ideas, processes …), with text, time and whether the moderators hid them.',
    'export.flags': 'Comments you reported to the moderators, with your reason and the decision.',
    'export.follows': 'Items you follow (you get the summary about them by email).',
    'staff.official': 'Mark as the official answer of the city',
    'staff.officialHint': 'You answer for your department; the answer is highlighted and followers are told.',
    'bo.menu': 'Moderation',
    'bo.title': 'Moderation',
    'bo.intro': 'Comments residents have reported, oldest report first. Hiding replaces the text for everyone with your public reason.',
    'bo.view.flagged': 'Reported ({n})',
    'bo.view.hidden': 'Hidden',
    'bo.caption.flagged': 'Reported comments',
    'bo.caption.hidden': 'Hidden comments',
    'bo.col.comment': 'Comment',
    'bo.col.item': 'Item',
    'bo.col.reasons': 'Reasons',
    'bo.col.since': 'Reported on',
    'bo.col.hiddenReason': 'Public reason',
    'bo.col.actions': 'Decision',
    'bo.itemGone': 'no longer public ({kind} {id})',
    'bo.official': 'official answer',
    'bo.hideReason': 'Public reason',
    'bo.hideReasonHint': 'Shown to everyone in place of the comment.',
    'bo.hide': 'Hide',
    'bo.dismiss': 'Dismiss reports',
    'bo.show': 'Show again',
    'bo.empty.flagged': 'No reported comments.',
    'bo.empty.hidden': 'No hidden comments.',
    'bo.err.reason': 'Please give a public reason (at most 500 characters).',
    'bo.ok.hidden': 'The comment is hidden.',
    'bo.ok.shown': 'The comment is visible again.',
    'bo.ok.dismissed': 'The reports have been dismissed.',
    'bo.moderate': 'Moderate',
  },
  tr,
  ar,
  uk,
  pl,
};
