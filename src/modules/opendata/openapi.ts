import type { FastifyInstance, RouteOptions } from 'fastify';

// The OpenAPI 3.1 document, generated from the JSON Schemas the routes are validated with. An onRoute hook
// collects every /api/ and /open311/ route as it is registered; nothing is written twice.

interface RouteSchema {
  summary?: string;
  description?: string;
  tags?: string[];
  querystring?: { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  params?: { properties?: Record<string, Record<string, unknown>> };
  body?: Record<string, unknown>;
  response?: Record<string, Record<string, unknown>>;
}

export interface CollectedRoute {
  method: string;
  url: string;
  schema: RouteSchema;
}

export function collectRoutes(app: FastifyInstance): CollectedRoute[] {
  const routes: CollectedRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url ?? '';
    if (!url.startsWith('/api/') && !url.startsWith('/open311/')) return;
    // A JSON route whose module declared no schema is still listed, so the document covers the whole API.
    const schema = (route.schema as RouteSchema | undefined) ?? {
      description: 'This route declares no schema yet: its parameters and answer are not described here.',
      tags: ['Other'],
    };
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method: method.toLowerCase(), url, schema });
    }
  });
  return routes;
}

/** Fastify's `:name` (also inside a segment, as in `:id.json`) to OpenAPI's `{name}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

const ERROR_REF = {
  open311: { $ref: '#/components/schemas/Open311Errors' },
  api: { $ref: '#/components/schemas/ApiError' },
};

export function openApiDocument(
  routes: CollectedRoute[],
  info: {
    title: string;
    version: string;
    description: string;
    serverUrl: string;
    licence: { name: string; url?: string };
  },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of [...routes].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method))) {
    const open311 = r.url.startsWith('/open311/');
    const parameters = [
      ...Object.entries(r.schema.params?.properties ?? {}).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        description: schema.description,
        schema: strip(schema),
      })),
      ...Object.entries(r.schema.querystring?.properties ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: r.schema.querystring?.required?.includes(name) ?? false,
        description: schema.description,
        schema: strip(schema),
      })),
    ];
    const responses: Record<string, unknown> = r.schema.response ? {} : { '200': { description: 'OK' } };
    for (const [status, schema] of Object.entries(r.schema.response ?? {})) {
      const content = (schema as { content?: Record<string, { schema: unknown }> }).content;
      responses[status] = {
        description: status === '200' ? 'OK' : 'Error',
        content: content ?? { 'application/json': { schema } },
      };
    }
    const errorContent = open311
      ? {
          [r.url.endsWith('.xml') ? 'text/xml' : 'application/json']: {
            schema: r.url.endsWith('.xml') ? { type: 'string' } : ERROR_REF.open311,
          },
        }
      : { 'application/json': { schema: ERROR_REF.api } };
    responses['4XX'] = {
      description: open311
        ? 'Open311 errors (400 bad request, 403 api_key, 404 not found, 429 too many requests with Retry-After)'
        : 'Error (400, 404, 429 with Retry-After)',
      content: errorContent,
    };
    const operation: Record<string, unknown> = {
      operationId: `${r.method}${r.url.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: r.schema.summary,
      description: r.schema.description,
      tags: r.schema.tags,
      parameters: parameters.length > 0 ? parameters : undefined,
      responses,
    };
    if (r.schema.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: strip(r.schema.body) } },
      };
    }
    const path = openApiPath(r.url);
    paths[path] = { ...(paths[path] ?? {}), [r.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description, license: info.licence },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      schemas: {
        Open311Errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'description'],
            properties: { code: { type: 'integer' }, description: { type: 'string' } },
          },
        },
        ApiError: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code'],
              properties: { code: { type: 'string' }, reference: { type: 'string' } },
            },
          },
        },
      },
      securitySchemes: {
        apiKey: {
          type: 'apiKey',
          in: 'query',
          name: 'api_key',
          description: 'Also accepted as form field api_key or header X-Api-Key.',
        },
      },
    },
  };
}

/** Fastify-only keys out; the rest is JSON Schema 2020-12, which OpenAPI 3.1 uses as it is. */
function strip(schema: Record<string, unknown>): Record<string, unknown> {
  const { default: dflt, ...rest } = schema;
  return dflt === undefined ? rest : { ...rest, default: dflt };
}
