import { defineModule, label } from '../../platform/module';
import { apiKeyRoutes } from './api-key.routes';
import { messages } from './messages';
import * as m0005 from './migrations/0005_open_data';
import { open311Routes } from './open311.routes';

// What other modules may use (the boundary test allows no other way in).
export { apiKeyCli } from './api-key.cli';
export { authenticate, createApiKey, listApiKeys, revokeApiKey } from './api-key.service';
export { BBOX_PATTERN, parseBbox, parseW3cDate } from './open311';
export { ANONYMOUS_PER_MINUTE, countRequest } from './rate';

/** Open311 GeoReport v2 (XML and JSON), service request updates, and the API keys that may write. */
export const open311Module = defineModule({
  name: 'open311',
  migrations: { '0005_open_data': m0005 },
  async routes(app, { db, config, storage }) {
    await open311Routes(app, { db, config, storage });
    await apiKeyRoutes(app, { db });
  },
  backOffice: [{ href: '/verwaltung/api-schluessel', label: label(messages, 'apiKeys'), roles: ['admin'], section: 'admin', order: 80 }],
  messages: [messages],
});
