import type { FastifyInstance } from 'fastify';
import { operationText } from './api-texts';

// The public OpenAPI document: what @fastify/swagger generates from the route schemas (see
// platform/http/openapi.ts), with the city's server address, the data licence and words about the API.

export interface DocumentInfo {
  serverUrl: string;
  licence: { name: string; url?: string };
}

const DESCRIPTION = 'Open311 GeoReport v2 (XML and JSON) and open data of the reports. Reading needs no key; writing needs an API key from the city.';

/** Error bodies named by the routes' error responses, for readers of the document. */
const ERROR_SCHEMAS = {
  Open311Errors: {
    type: 'array',
    items: { type: 'object', required: ['code', 'description'], properties: { code: { type: 'integer' }, description: { type: 'string' } } },
  },
  ApiError: {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'object', required: ['code'], properties: { code: { type: 'string' }, reference: { type: 'string' } } } },
  },
};

interface Generated {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> } & Record<string, unknown>;
}

export function publicDocument(app: FastifyInstance, info: DocumentInfo) {
  // registerOpenApi asks for OpenAPI 3.1, so the document is never the Swagger 2 shape the type also allows.
  const generated = app.swagger() as unknown as Generated;
  // Every operation gets a summary and says what its success holds (the schemas leave some to the texts table).
  for (const [path, methods] of Object.entries(generated.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as { summary?: string; responses?: Record<string, { description?: string }> };
      const text = operationText(method, path, 'en');
      if (!text) continue;
      op.summary ??= text.summary;
      const ok = op.responses?.['200'];
      if (ok && (!ok.description || ok.description === 'Default Response')) ok.description = text.ok;
    }
  }
  return {
    ...generated,
    info: { ...generated.info, description: DESCRIPTION, license: info.licence },
    servers: [{ url: info.serverUrl }],
    components: { ...generated.components, schemas: { ...generated.components?.schemas, ...ERROR_SCHEMAS } },
  };
}
