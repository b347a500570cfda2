import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Polski (Polish): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof personalDataMessages> = {
  'export.ideas':
    'Twoje pomysły na platformie KümmertEuch: tytuł, opis, temat, miejsce, status z uzasadnieniem, odpowiedź miasta, liczba poparć, daty i publiczna historia.',
  'export.supports': 'Pomysły, które popierasz, i od kiedy.',
  'export.photos':
    'Zdjęcia do Twoich pomysłów w takiej postaci, w jakiej je przechowujemy: zmniejszone do najwyżej 1600 pikseli i bez metadanych (lokalizacja, aparat).',
};
