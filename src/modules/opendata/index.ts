import { defineModule } from '../../platform/module';
import { messages } from './messages';
import { openDataRoutes } from './opendata.routes';

/** Open data: GeoJSON, CSV, Atom feeds, the sitemap, the OpenAPI document and its docs page, /offene-daten. */
export const opendataModule = defineModule({
  name: 'opendata',
  routes: (app, { db, config }) => openDataRoutes(app, { db, config }),
  sitemap: async () => [{ path: '/offene-daten' }, { path: '/api/docs' }],
  messages: [messages],
});
