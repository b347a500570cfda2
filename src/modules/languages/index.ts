import { defineModule, label } from '../../platform/module';
import { languagesRoutes } from './languages.routes';
import { messages } from './messages';

/** The site in Leichte Sprache and in Deutsche Gebärdensprache (BITV 2.0 § 4), and the city's DGS videos. */
export const languagesModule = defineModule({
  name: 'languages',
  routes: async (app, { db }) => languagesRoutes(app, { db }),
  backOffice: [{ href: '/verwaltung/gebaerdensprache', label: label(messages, 'bo.menu'), roles: ['admin'], section: 'admin', order: 45 }],
  sitemap: async () => [{ path: '/leichte-sprache' }, { path: '/gebaerdensprache' }],
  messages: [messages],
});
