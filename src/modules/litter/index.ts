import { defineModule } from '../../platform/module';
import { litterRoutes } from './litter.routes';
import { messages } from './messages';

export { formatChange, linearTrend, TARGET_ANNUAL_CHANGE } from './litter';
export { type LitterStatistics, litterStatistics } from './litter.service';

/** The Dreckpetze: a two-step litter form for one hand on a phone, the web app manifest, monthly litter figures. */
export const litterModule = defineModule({
  name: 'litter',
  routes: (app, { db, config, storage }) => litterRoutes(app, { db, config, storage }),
  messages: [messages],
});
