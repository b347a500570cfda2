import { defineModule, label } from '../../src/platform/module';
import { messages } from './messages';
import * as m0999 from './migrations/0999_example_notices';
import { purgeExpiredNoticesOfAllCities } from './notices.queries';
import { noticeRoutes } from './notices.routes';

// An example module (not shipped; src/platform/module.test.ts registers it to prove the contract): public
// notices of the city. Everything it needs is in this folder; to ship it, move the folder to src/modules/notices
// and add `noticesModule` to MODULES in src/module-list.ts.
export const noticesModule = defineModule({
  name: 'notices',
  migrations: { '0999_example_notices': m0999 },
  routes: noticeRoutes,
  jobs: ({ db }) => [{ name: 'notices-expire', everySeconds: 3600, run: () => purgeExpiredNoticesOfAllCities(db) }],
  menu: [{ href: '/hinweise', label: label(messages, 'menu'), order: 90 }],
  backOffice: [{ href: '/verwaltung/hinweise', label: label(messages, 'menu'), roles: ['admin'], section: 'admin', order: 95 }],
  sitemap: async () => [{ path: '/hinweise' }],
  messages: [messages],
});
