import type { Translation } from '../../platform/i18n';
import type { personalDataMessages } from './personal-data.messages';

// Polski (Polish): the residents' texts of ./personal-data.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- pl` (docs/i18n.md).
export const pl: Translation<typeof personalDataMessages> = {
  'export.ratings':
    'Państwa oceny Angsträume (miejsc, w których czujemy się niebezpiecznie): jak bezpiecznie czują się Państwo w dzień („day”) i w nocy („night”), od 1 (bardzo niebezpiecznie) do 5 (bardzo bezpiecznie).',
  'export.questionnaires':
    'Pytania uzupełniające po działaniu w takim miejscu („Czy czują się Państwo teraz bezpieczniej?”): kiedy zadano pytanie, Państwa odpowiedź i komentarz.',
};
