import type { FastifyInstance, RouteOptions } from 'fastify';

// The machine interfaces (/api/ and /open311/) as they are registered, with their JSON Schemas: what the
// OpenAPI document describes. Collected on the root instance, so routes of every module are seen.

export interface ApiRouteSchema {
  summary?: string;
  description?: string;
  tags?: string[];
  querystring?: { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  params?: { properties?: Record<string, Record<string, unknown>> };
  body?: Record<string, unknown>;
  response?: Record<string, Record<string, unknown>>;
}

export interface ApiRoute {
  method: string;
  url: string;
  schema: ApiRouteSchema;
}

export function collectApiRoutes(app: FastifyInstance): ApiRoute[] {
  const routes: ApiRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url ?? '';
    if (!url.startsWith('/api/') && !url.startsWith('/open311/')) return;
    // A JSON route whose module declared no schema is still listed, so the document covers the whole API.
    const schema = (route.schema as ApiRouteSchema | undefined) ?? {
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
