import type { RouteOptions } from 'fastify';

// What the fuzzer learns from the app while it is being built: every route as registered (through an onRoute
// hook added before any module runs) and every error the app logs, so a failure report can show the cause.

export interface RouteSchemas {
  querystring?: JsonSchema;
  params?: JsonSchema;
  body?: JsonSchema;
}

export type JsonSchema = Record<string, unknown>;

export interface RecordedRoute {
  method: string;
  url: string;
  schema: RouteSchemas;
  /** False for API-key endpoints that opt out of the browser CSRF check. */
  csrf: boolean;
}

export const recordedRoutes: RecordedRoute[] = [];

export function recordRoute(route: RouteOptions): void {
  const schema = (route.schema ?? {}) as RouteSchemas;
  for (const method of [route.method].flat()) {
    if (method === 'HEAD') continue;
    recordedRoutes.push({
      method,
      url: route.url ?? '',
      schema: { querystring: schema.querystring, params: schema.params, body: schema.body },
      csrf: (route.config as { csrf?: boolean } | undefined)?.csrf !== false,
    });
  }
}

export interface LoggedError {
  reqId?: string;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
}

/** Errors the app logged (level error and above), newest last; the fuzz test drains it after each request. */
export const loggedErrors: LoggedError[] = [];

export const logStream = {
  write(line: string) {
    try {
      loggedErrors.push(JSON.parse(line) as LoggedError);
    } catch {
      loggedErrors.push({ msg: line });
    }
  },
};
