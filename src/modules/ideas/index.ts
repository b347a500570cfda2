import { contribute, defineModule, label } from '../../platform/module';
import { personalData } from '../../platform/personal-data';
import { participationItemKind } from '../participation';
import { staffMessages } from './backoffice/backoffice.messages';
import { backOfficeIdeaRoutes } from './backoffice/backoffice.routes';
import { ideaFeed, ideaItemKind, sitemapIdeas } from './contributions';
import { ideaFormRoutes } from './form.routes';
import { messages } from './messages';
import * as m0031 from './migrations/0031_ideas';
import { openDataRoutes } from './opendata.routes';
import { ideasPersonalData } from './personal-data';
import { personalDataMessages } from './personal-data.messages';
import { publicIdeaRoutes } from './public.routes';

export type { IdeaTables } from './tables';

/** KümmertEuch: residents' ideas with supports, comments, thresholds and official answers. */
export const ideasModule = defineModule({
  name: 'ideas',
  migrations: { '0031_ideas': m0031 },
  async routes(app, services) {
    await ideaFormRoutes(app, services);
    await publicIdeaRoutes(app, services);
    await backOfficeIdeaRoutes(app, services);
    await openDataRoutes(app, services);
  },
  contributes: [contribute(participationItemKind, ideaItemKind), contribute(personalData, ideasPersonalData)],
  menu: [{ href: '/ideen', label: label(messages, 'menu'), order: 33 }],
  backOffice: [
    { href: '/verwaltung/ideen', label: label(staffMessages, 'menu'), roles: 'any', section: 'work', order: 33 },
    { href: '/verwaltung/ideen/einstellungen', label: label(staffMessages, 'menuSettings'), roles: ['admin'], section: 'admin', order: 80 },
  ],
  feed: ideaFeed,
  sitemap: sitemapIdeas,
  messages: [messages, staffMessages, personalDataMessages],
});
