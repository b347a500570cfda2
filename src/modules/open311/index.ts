export { apiKeyRoutes } from './api-key.routes';
export { authenticate, createApiKey, listApiKeys, revokeApiKey } from './api-key.service';
export { open311Routes } from './open311.routes';
