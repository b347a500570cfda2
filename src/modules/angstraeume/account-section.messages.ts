import type { Catalogue } from '../../platform/i18n';
import { ar } from './account-section.messages.ar';
import { pl } from './account-section.messages.pl';
import { tr } from './account-section.messages.tr';
import { uk } from './account-section.messages.uk';

type Key = 'ratings.title' | 'ratings.intro' | 'ratings.none' | 'ratings.map' | 'ratings.value' | 'ratings.when' | 'ratings.pages';

/** The Angsträume section on "Mein Konto": the resident's safety ratings. */
export const accountSectionMessages: Catalogue<Key> = {
  de: {
    'ratings.title': 'Meine Bewertungen von Angsträumen',
    'ratings.intro': 'Wie sicher Sie sich an diesen Orten fühlen, von 1 = sehr unsicher bis 5 = sehr sicher.',
    'ratings.none': 'Sie haben noch keinen Ort bewertet.',
    'ratings.map': 'Zur Angsträume-Karte',
    'ratings.value': 'Tagsüber {day} von 5, abends und nachts {night} von 5',
    'ratings.when': 'Bewertet am {date}',
    'ratings.pages': 'Seiten meiner Bewertungen',
  },
  en: {
    'ratings.title': 'My ratings of unsafe places (Angsträume)',
    'ratings.intro': 'How safe you feel at these places, from 1 = very unsafe to 5 = very safe.',
    'ratings.none': 'You have not rated a place yet.',
    'ratings.map': 'To the map of unsafe places',
    'ratings.value': 'During the day {day} of 5, in the evening and at night {night} of 5',
    'ratings.when': 'Rated on {date}',
    'ratings.pages': 'Pages of my ratings',
  },
  tr,
  ar,
  uk,
  pl,
};
