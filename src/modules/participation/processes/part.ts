import { contribute, label } from '../../../platform/module';
import { participationItemKind } from '../comments/item-kind';
import * as m0028 from '../migrations/0028_participation_processes';
import type { ModulePart } from '../parts';
import { adminProcessRoutes } from './admin.routes';
import { adminProcessContentRoutes } from './admin-content.routes';
import { processFeed } from './feed';
import { processItemKind } from './item-kind';
import { processMessages } from './messages';
import * as q from './process.queries';
import { publicProcessRoutes } from './public.routes';

// The processes feature of the participation core (issue 16): public list and pages, the back office, the feed.
export const processesPart: ModulePart = {
  migrations: { '0028_participation_processes': m0028 },
  routes: async (app, services) => {
    await publicProcessRoutes(app, services);
    await adminProcessRoutes(app, services);
    await adminProcessContentRoutes(app, services);
  },
  menu: [{ href: '/beteiligung', label: label(processMessages, 'menu'), order: 35 }],
  backOffice: [{ href: '/verwaltung/beteiligung', label: label(processMessages, 'bo.menu'), roles: ['admin', 'department_staff'], section: 'work', order: 30 }],
  sitemap: async (db, organizationId) => [
    { path: '/beteiligung' },
    ...(await q.publishedProcesses(db, organizationId)).map((p) => ({ path: `/beteiligung/${p.id}`, lastModified: p.updated_at })),
  ],
  feed: processFeed,
  contributes: [contribute(participationItemKind, processItemKind)],
  messages: [processMessages],
};
