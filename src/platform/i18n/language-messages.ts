import type { Catalogue } from './index';

// The platform's texts about languages: the language switch, the note on German-only content, the footer links to
// the pages in Leichte Sprache and Gebärdensprache. Short and in all six languages from the start, because they are
// how a visitor finds their language.

type Key = 'switchLegend' | 'germanOnly' | 'easyLanguage' | 'signLanguage';

export const languageMessages: Catalogue<Key> = {
  de: {
    switchLegend: 'Sprache wählen',
    germanOnly: 'Nur auf Deutsch verfügbar',
    easyLanguage: 'Leichte Sprache',
    signLanguage: 'Gebärdensprache',
  },
  en: {
    switchLegend: 'Choose language',
    germanOnly: 'Only available in German',
    easyLanguage: 'Easy German (Leichte Sprache)',
    signLanguage: 'German Sign Language',
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
    easyLanguage: 'الألمانية المبسطة (Leichte Sprache)',
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
