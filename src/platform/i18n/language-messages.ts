import type { Catalogue } from './index';

// The platform's texts about languages: the language switch, the note on German-only content, the footer links to
// the pages in Leichte Sprache and Gebärdensprache. Short and in all six languages from the start, because they are
// how a visitor finds their language. The `tx.*` texts are the staff page for translating what staff wrote. In
// Arabic, Latin words in brackets are isolated as left to right (\u2066 … \u2069), so the brackets stay the right way.

type Key =
  | 'switchLegend'
  | 'germanOnly'
  | 'easyLanguage'
  | 'signLanguage'
  | 'tx.intro'
  | 'tx.german'
  | 'tx.translations'
  | 'tx.save'
  | 'tx.saved'
  | 'tx.none'
  | 'tx.emptyHint'
  | 'tx.title'
  | 'tx.link'
  | 'tx.item'
  | 'tx.back';

export const languageMessages: Catalogue<Key> = {
  // The translation page is for staff: German and English only (docs/i18n.md).
  staff: ['tx.*'],
  de: {
    switchLegend: 'Sprache wählen',
    germanOnly: 'Nur auf Deutsch verfügbar',
    easyLanguage: 'Leichte Sprache',
    signLanguage: 'Gebärdensprache',
    'tx.intro':
      'Hier übersetzen Sie, was die Stadt öffentlich geschrieben hat. Wo eine Übersetzung fehlt, sehen Besucherinnen und Besucher den deutschen Text mit dem Hinweis „Nur auf Deutsch verfügbar“.',
    'tx.german': 'Deutsch (Original)',
    'tx.translations': 'Übersetzungen',
    'tx.save': 'Übersetzungen speichern',
    'tx.saved': 'Die Übersetzungen sind gespeichert.',
    'tx.none': 'Hier gibt es noch nichts zu übersetzen.',
    'tx.emptyHint': 'Ein leeres Feld löscht die Übersetzung in diese Sprache.',
    'tx.title': '{subject}: Übersetzungen',
    'tx.link': 'Öffentliche Texte übersetzen',
    'tx.item': 'Öffentlicher Text vom {date}',
    'tx.back': 'Zurück zu {subject}',
  },
  en: {
    switchLegend: 'Choose language',
    germanOnly: 'Only available in German',
    easyLanguage: 'Easy German (Leichte Sprache)',
    signLanguage: 'German Sign Language',
    'tx.intro':
      'Translate here what the city wrote in public. Where a translation is missing, visitors see the German text with the note “Only available in German”.',
    'tx.german': 'German (original)',
    'tx.translations': 'Translations',
    'tx.save': 'Save translations',
    'tx.saved': 'The translations are saved.',
    'tx.none': 'There is nothing to translate here yet.',
    'tx.emptyHint': 'An empty field deletes the translation into that language.',
    'tx.title': '{subject}: translations',
    'tx.link': 'Translate public texts',
    'tx.item': 'Public text of {date}',
    'tx.back': 'Back to {subject}',
  },
  tr: {
    switchLegend: 'Dil seçin',
    germanOnly: 'Yalnızca Almanca olarak mevcut',
    easyLanguage: 'Kolay Almanca (Leichte Sprache)',
    signLanguage: 'Alman İşaret Dili',
  },
  ar: {
    switchLegend: 'اختر اللغة',
    germanOnly: 'متوفر باللغة الألمانية فقط',
    easyLanguage: 'الألمانية المبسطة \u2066(Leichte Sprache)\u2069',
    signLanguage: 'لغة الإشارة الألمانية',
  },
  uk: {
    switchLegend: 'Виберіть мову',
    germanOnly: 'Доступно лише німецькою мовою',
    easyLanguage: 'Проста німецька (Leichte Sprache)',
    signLanguage: 'Німецька жестова мова',
  },
  pl: {
    switchLegend: 'Wybierz język',
    germanOnly: 'Dostępne tylko w języku niemieckim',
    easyLanguage: 'Prosty niemiecki (Leichte Sprache)',
    signLanguage: 'Niemiecki język migowy',
  },
};
