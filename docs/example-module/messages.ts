import type { Catalogue } from '../../src/platform/i18n';

type Key = 'menu' | 'title' | 'none' | 'adminTitle';

export const messages: Catalogue<Key> = {
  de: { menu: 'Hinweise', title: 'Hinweise der Stadt', none: 'Zurzeit gibt es keine Hinweise.', adminTitle: 'Hinweise verwalten' },
  en: { menu: 'Notices', title: 'Notices from the city', none: 'There are no notices at the moment.', adminTitle: 'Manage notices' },
};
