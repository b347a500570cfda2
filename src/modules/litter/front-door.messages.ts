import type { Catalogue } from '../../platform/i18n';
import { ar } from './front-door.messages.ar';
import { pl } from './front-door.messages.pl';
import { tr } from './front-door.messages.tr';
import { uk } from './front-door.messages.uk';

type Key = 'home.actionTitle' | 'home.actionText';

/** The Dreckpetze's tile on the front door. */
export const frontDoorMessages: Catalogue<Key> = {
  de: {
    'home.actionTitle': 'Müll melden (Dreckpetze)',
    'home.actionText': 'Wilder Müll, volle Papierkörbe, Sperrmüll am Straßenrand: in zwei Schritten, auch mit einer Hand am Handy.',
  },
  en: {
    'home.actionTitle': 'Report litter (Dreckpetze)',
    'home.actionText': 'Fly-tipping, full bins, bulky waste by the road: in two steps, even one-handed on a phone.',
  },
  tr,
  ar,
  uk,
  pl,
};
