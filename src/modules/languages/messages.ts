import type { Catalogue } from '../../platform/i18n';
import { ar } from './messages.ar';
import { pl } from './messages.pl';
import { tr } from './messages.tr';
import { uk } from './messages.uk';

// The pages about this site in Leichte Sprache and in Deutsche Gebärdensprache (DGS), and the back-office page for
// the city's DGS videos. The Leichte Sprache page itself is German by nature (easy-language.tsx); these are the
// words around it.

type Key =
  | 'easy.title'
  | 'easy.notice'
  | 'sign.title'
  | 'sign.intro'
  | 'sign.videosTitle'
  | 'sign.none'
  | 'sign.noVideoSupport'
  | 'sign.download'
  | 'sign.captions'
  | 'sign.helpTitle'
  | 'sign.helpEmail'
  | 'sign.helpForm'
  | 'sign.easyLink'
  | 'bo.menu'
  | 'bo.title'
  | 'bo.intro'
  | 'bo.none'
  | 'bo.caption'
  | 'bo.col.title'
  | 'bo.col.video'
  | 'bo.col.captions'
  | 'bo.col.sort'
  | 'bo.col.actions'
  | 'bo.addTitle'
  | 'bo.videoTitle'
  | 'bo.videoTitleHint'
  | 'bo.videoUrl'
  | 'bo.videoUrlHint'
  | 'bo.captionsUrl'
  | 'bo.captionsUrlHint'
  | 'bo.sort'
  | 'bo.sortHint'
  | 'bo.add'
  | 'bo.delete'
  | 'bo.added'
  | 'bo.deleted'
  | 'bo.err.title'
  | 'bo.err.url'
  | 'bo.err.sort'
  | 'bo.publicPage';

export const messages: Catalogue<Key> = {
  // The back office for videos is for staff: German and English only (docs/i18n.md).
  staff: ['bo.*'],
  de: {
    'easy.title': 'Leichte Sprache',
    'easy.notice': 'Diese Seite ist in Leichter Sprache geschrieben.',
    'sign.title': 'Gebärdensprache',
    'sign.intro':
      'Auf dieser Seite erklärt die {city} in Deutscher Gebärdensprache (DGS), was Sie auf dieser Website tun können: Schäden und Müll melden, Meldungen verfolgen und Hilfe bekommen.',
    'sign.videosTitle': 'Videos in Deutscher Gebärdensprache',
    'sign.none': 'Hier gibt es noch keine Videos in Gebärdensprache. Wenn Sie Informationen in Gebärdensprache brauchen, schreiben Sie uns bitte.',
    'sign.noVideoSupport': 'Ihr Browser kann dieses Video nicht abspielen.',
    'sign.download': 'Video herunterladen: {title}',
    'sign.captions': 'Deutsch',
    'sign.helpTitle': 'Hilfe und Kontakt',
    'sign.helpEmail': 'Fragen oder Probleme? Schreiben Sie uns eine E-Mail:',
    'sign.helpForm': 'Rückmeldung über das Formular zur Barrierefreiheit geben',
    'sign.easyLink': 'Informationen in Leichter Sprache',
    'bo.menu': 'Gebärdensprache-Videos',
    'bo.title': 'Videos in Gebärdensprache',
    'bo.intro':
      'Die Videos erscheinen auf der öffentlichen Seite /gebaerdensprache. Sie liegen als Dateien auf dem Server der Stadt (zum Beispiel MP4 oder WebM); Kümmerer bindet keinen fremden Videodienst ein. Untertitel als WebVTT-Datei machen die Videos auch für Menschen nutzbar, die keine Gebärdensprache können.',
    'bo.none': 'Noch keine Videos. Solange hier keines steht, sagt die öffentliche Seite, dass es noch keine Videos gibt, und nennt den Kontakt.',
    'bo.caption': 'Videos in Gebärdensprache, in der Reihenfolge der öffentlichen Seite',
    'bo.col.title': 'Titel',
    'bo.col.video': 'Videodatei',
    'bo.col.captions': 'Untertitel',
    'bo.col.sort': 'Reihenfolge',
    'bo.col.actions': 'Aktionen',
    'bo.addTitle': 'Video hinzufügen',
    'bo.videoTitle': 'Titel',
    'bo.videoTitleHint': 'Worum geht es im Video? Zum Beispiel „Was ist Kümmerer?“ oder „So melden Sie einen Schaden“.',
    'bo.videoUrl': 'Adresse der Videodatei',
    'bo.videoUrlHint':
      'Eine https-Adresse auf dem Server der Stadt, zum Beispiel https://www.stadt.de/videos/kuemmerer-dgs.mp4, oder ein Pfad auf dieser Website, der mit / beginnt.',
    'bo.captionsUrl': 'Adresse der Untertitel (WebVTT)',
    'bo.captionsUrlHint': 'Freiwillig. Liegt die Datei auf einem anderen Server als diese Website, muss dieser Server sie für diese Website freigeben (CORS).',
    'bo.sort': 'Reihenfolge',
    'bo.sortHint': 'Kleinere Zahlen stehen weiter oben.',
    'bo.add': 'Video hinzufügen',
    'bo.delete': 'Entfernen',
    'bo.added': 'Das Video ist hinzugefügt.',
    'bo.deleted': 'Das Video ist entfernt.',
    'bo.err.title': 'Bitte geben Sie einen Titel mit höchstens 200 Zeichen ein.',
    'bo.err.url': 'Bitte geben Sie eine https-Adresse oder einen Pfad ein, der mit / beginnt (höchstens 2000 Zeichen).',
    'bo.err.sort': 'Bitte geben Sie eine ganze Zahl von 0 bis 999 ein.',
    'bo.publicPage': 'Öffentliche Seite ansehen',
  },
  en: {
    'easy.title': 'Easy German (Leichte Sprache)',
    'easy.notice': 'This page is in Leichte Sprache: easy-to-read German with short sentences.',
    'sign.title': 'German Sign Language',
    'sign.intro':
      'On this page {city} explains in German Sign Language (DGS) what you can do on this website: report damage and litter, follow reports and get help.',
    'sign.videosTitle': 'Videos in German Sign Language',
    'sign.none': 'There are no sign-language videos here yet. If you need information in sign language, please write to us.',
    'sign.noVideoSupport': 'Your browser cannot play this video.',
    'sign.download': 'Download the video: {title}',
    'sign.captions': 'German',
    'sign.helpTitle': 'Help and contact',
    'sign.helpEmail': 'Questions or problems? Email us:',
    'sign.helpForm': 'Give feedback with the accessibility form',
    'sign.easyLink': 'Information in Leichte Sprache (easy German)',
    'bo.menu': 'Sign-language videos',
    'bo.title': 'Videos in sign language',
    'bo.intro':
      'The videos appear on the public page /gebaerdensprache. They are files on the city’s own server (MP4 or WebM, for example); Kümmerer embeds no third-party video service. Captions as a WebVTT file make the videos useful to people who do not sign, too.',
    'bo.none': 'No videos yet. As long as there are none, the public page says so and names the contact.',
    'bo.caption': 'Videos in sign language, in the order of the public page',
    'bo.col.title': 'Title',
    'bo.col.video': 'Video file',
    'bo.col.captions': 'Captions',
    'bo.col.sort': 'Order',
    'bo.col.actions': 'Actions',
    'bo.addTitle': 'Add a video',
    'bo.videoTitle': 'Title',
    'bo.videoTitleHint': 'What is the video about? For example “What is Kümmerer?” or “How to report damage”.',
    'bo.videoUrl': 'Address of the video file',
    'bo.videoUrlHint':
      'An https address on the city’s server, for example https://www.city.de/videos/kuemmerer-dgs.mp4, or a path on this website starting with /.',
    'bo.captionsUrl': 'Address of the captions (WebVTT)',
    'bo.captionsUrlHint': 'Optional. If the file is on another server than this website, that server must allow this website to load it (CORS).',
    'bo.sort': 'Order',
    'bo.sortHint': 'Smaller numbers come first.',
    'bo.add': 'Add video',
    'bo.delete': 'Remove',
    'bo.added': 'The video has been added.',
    'bo.deleted': 'The video has been removed.',
    'bo.err.title': 'Please enter a title of at most 200 characters.',
    'bo.err.url': 'Please enter an https address or a path starting with / (at most 2000 characters).',
    'bo.err.sort': 'Please enter a whole number from 0 to 999.',
    'bo.publicPage': 'View the public page',
  },
  tr,
  ar,
  uk,
  pl,
};
