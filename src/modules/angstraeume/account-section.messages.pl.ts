import type { Translation } from '../../platform/i18n';
import type { accountSectionMessages } from './account-section.messages';

// Polski (Polish): the residents' texts of ./account-section.messages.ts (docs/i18n.md).
export const pl: Translation<typeof accountSectionMessages> = {
  'ratings.title': 'Moje oceny Angsträume (niebezpiecznych miejsc)',
  'ratings.intro': 'Jak bezpiecznie czują się Państwo w tych miejscach, od 1 = bardzo niebezpiecznie do 5 = bardzo bezpiecznie.',
  'ratings.none': 'Nie ocenili Państwo jeszcze żadnego miejsca.',
  'ratings.map': 'Do mapy Angsträume',
  'ratings.value': 'W dzień {day} z 5, wieczorem i w nocy {night} z 5',
  'ratings.when': 'Ocenione {date}',
  'ratings.pages': 'Strony moich ocen',
};
