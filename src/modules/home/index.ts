import { defineModule } from '../../platform/module';
import { homeContribution } from './extension-points';
import { homeRoutes } from './home.routes';
import { messages } from './messages';

export { type HomeContribution, type HomeQuery, homeContribution } from './extension-points';
export { HomeAction, HomeSection } from './views/home-parts';

/** The home page, and in the demo the dev mailbox. */
export const homeModule = defineModule({
  name: 'home',
  routes: (app, { db, config, modules }) => homeRoutes(app, { db, config, parts: modules.contributions(homeContribution) }),
  sitemap: async () => [{ path: '/' }],
  messages: [messages],
});
