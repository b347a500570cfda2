import type { Translation } from '../../platform/i18n';
import type { messages } from './messages';

// Polski (Polish): the residents' texts of ./messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof messages> = {
  'group.defect': 'Szkody i usterki',
  'group.litter': 'Śmieci i czystość',
  'group.angstraum': 'Niebezpieczne miejsca',
  notice: 'Zgłoszenie zostało opublikowane i przekazane do właściwej jednostki: {url}',
  'datatype.number': 'Liczba, np. 3 lub 2.5',
  'datatype.datetime': 'Data w formacie RRRR-MM-DD',
  'datatype.text': 'Dowolny tekst, do 1000 znaków',
  'datatype.singlevaluelist': 'Dokładnie jeden klucz z listy',
  'datatype.multivaluelist': 'Jeden lub więcej kluczy z listy',
};
