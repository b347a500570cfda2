import { contribute, defineModule } from '../../platform/module';
import { homeContribution } from '../home';
import { litterAction } from './front-door';
import { frontDoorMessages } from './front-door.messages';
import { litterRoutes } from './litter.routes';
import { messages } from './messages';

// What other modules may use (the boundary test allows no other way in).
export { formatChange, linearTrend, TARGET_ANNUAL_CHANGE } from './litter';
export { type LitterStatistics, litterStatistics } from './litter.service';
export { LitterStatsSection } from './views/pages';

/** The Dreckpetze: a two-step litter form for one hand on a phone, the web app manifest, monthly litter figures. */
export const litterModule = defineModule({
  name: 'litter',
  routes: (app, { db, config, storage }) => litterRoutes(app, { db, config, storage }),
  contributes: [contribute(homeContribution, litterAction)],
  messages: [messages, frontDoorMessages],
});
