import { defineModule } from '../../platform/module';
import { homeRoutes } from './home.routes';
import { messages } from './messages';

/** The home page, and in the demo the dev mailbox. */
export const homeModule = defineModule({
  name: 'home',
  routes: (app, { db, config }) => homeRoutes(app, { db, config }),
  sitemap: async () => [{ path: '/' }],
  messages: [messages],
});
