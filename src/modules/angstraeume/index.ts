import { contribute, defineModule, label } from '../../platform/module';
import { personalData } from '../../platform/personal-data';
import { homeContribution } from '../home';
import { reportPageRedirect } from '../reports';
import { angstraeumeAccountSection } from './account-section';
import { angstraeumeRoutes, angstraumJobs } from './angstraeume.routes';
import { angstraeumeSection, angstraumAction } from './front-door';
import { frontDoorMessages } from './front-door.messages';
import { messages } from './messages';
import * as m0006 from './migrations/0006_angstraeume';
import { angstraeumePersonalData } from './personal-data';
import { personalDataMessages } from './personal-data.messages';

// What other modules may use (the boundary test allows no other way in).
export type { MeasureType } from './angstraum';
export { MEASURE_TYPES } from './angstraum';

/** The Angsträume-Karte: places that feel unsafe, measures, safety ratings before and after, statistics. */
export const angstraeumeModule = defineModule({
  name: 'angstraeume',
  migrations: { '0006_angstraeume': m0006 },
  routes: (app, { db, config, storage }) => angstraeumeRoutes(app, { db, config, storage }),
  jobs: ({ db, config }) => angstraumJobs({ db, config }),
  menu: [{ href: '/angstraeume', label: label(messages, 'navMenu'), order: 30 }],
  backOffice: [
    { href: '/verwaltung/angstraeume', label: label(messages, 'bo.menu'), roles: 'any', section: 'work', order: 20 },
    { href: '/verwaltung/angstraeume/einstellungen', label: label(messages, 'bo.menuSettings'), roles: ['admin'], section: 'work', order: 21 },
  ],
  sitemap: async () => [{ path: '/angstraeume' }],
  contributes: [
    contribute(personalData, angstraeumePersonalData),
    contribute(homeContribution, angstraumAction),
    contribute(homeContribution, angstraeumeSection),
    angstraeumeAccountSection,
    // An unreviewed place must not show its text anywhere public: its visitors see our page (category and place only).
    contribute(reportPageRedirect, (report) => (report.category_kind === 'angstraum' && report.reviewed_at === null ? `/angstraeume/${report.id}` : null)),
  ],
  messages: [messages, personalDataMessages, frontDoorMessages],
});
