import type { Catalogue } from '../../platform/i18n';
import { ar } from './personal-data.messages.ar';
import { pl } from './personal-data.messages.pl';
import { tr } from './personal-data.messages.tr';
import { uk } from './personal-data.messages.uk';

// What the reports module's files in a resident's data export hold (README.txt of the ZIP).

type Key = 'export.reports' | 'export.photos' | 'export.supports' | 'export.follows' | 'export.questionnaires';

export const personalDataMessages: Catalogue<Key> = {
  de: {
    'export.reports':
      'Ihre Meldungen (mit Ihrem Konto oder Ihrer E-Mail-Adresse gesendet): Kategorie, Ort, Beschreibung, Antworten auf Zusatzfragen, Ihre Kontaktangaben, Status und die öffentlichen Einträge des Verlaufs ("timeline"). "photos" nennt zu jedem Foto die Datei im Ordner fotos/.',
    'export.photos':
      'Die Fotos, die Sie zu Ihren Meldungen gesendet haben, so wie wir sie speichern: verkleinert auf höchstens 1600 Pixel und ohne Metadaten (Standort, Kamera). Das Original speichern wir nicht. Von der Moderation ausgeblendete Fotos sind nicht enthalten.',
    'export.supports': 'Meldungen, die Sie mit "Ich auch" unterstützt haben, und wann.',
    'export.follows': 'Meldungen, deren Neuigkeiten Sie per E-Mail verfolgen, und seit wann.',
    'export.questionnaires': 'Rückfragen nach der Erledigung einer Meldung ("Ist das Problem behoben?"): wann gefragt, Ihre Antwort und Ihr Kommentar.',
  },
  en: {
    'export.reports':
      'Your reports (sent with your account or your email address): category, place, description, answers to extra questions, your contact details, status and the public entries of the timeline ("timeline"). "photos" names the file in the fotos/ folder for each photo.',
    'export.photos':
      'The photos you sent with your reports, as we store them: reduced to at most 1600 pixels and without metadata (location, camera). We do not keep the original. Photos hidden by moderation are not included.',
    'export.supports': 'Reports you supported with "Me too", and when.',
    'export.follows': 'Reports whose news you follow by email, and since when.',
    'export.questionnaires': 'Follow-up questions after a report was fixed ("Is the problem solved?"): when asked, your answer and your comment.',
  },
  tr,
  ar,
  uk,
  pl,
};
