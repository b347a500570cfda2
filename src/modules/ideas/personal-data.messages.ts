import type { Catalogue } from '../../platform/i18n';
import { ar } from './personal-data.messages.ar';
import { pl } from './personal-data.messages.pl';
import { tr } from './personal-data.messages.tr';
import { uk } from './personal-data.messages.uk';

// What the ideas module's files in a resident's data export hold (README.txt of the ZIP).

export type PersonalDataKey = 'export.ideas' | 'export.supports' | 'export.photos';

export const personalDataMessages: Catalogue<PersonalDataKey> = {
  de: {
    'export.ideas':
      'Ihre Ideen auf der KümmertEuch-Plattform: Titel, Beschreibung, Thema, Ort, Status mit Begründung, die Antwort der Stadt, die Zahl der Unterstützungen, Daten und der öffentliche Verlauf.',
    'export.supports': 'Ideen, die Sie unterstützen, und seit wann.',
    'export.photos': 'Die Fotos zu Ihren Ideen, so wie wir sie speichern: verkleinert auf höchstens 1600 Pixel und ohne Metadaten (Standort, Kamera).',
  },
  en: {
    'export.ideas':
      "Your ideas on the KümmertEuch platform: title, description, topic, place, status with reason, the city's answer, the number of supports, dates and the public history.",
    'export.supports': 'Ideas you support, and since when.',
    'export.photos': 'The photos of your ideas as we store them: reduced to at most 1600 pixels and without metadata (location, camera).',
  },
  tr,
  ar,
  uk,
  pl,
};
