import type { Config } from '../../config';

/**
 * Which paths under /static/ are served (@fastify/static's `allowedPath`; a refused path gets our 404 page).
 * Directories never: there is no index and no listing, and without this @fastify/static's "is a directory" refusal
 * reached the error handler as a 400. Source maps only outside production: they show the client code's sources and
 * the layout of node_modules to anyone, and nobody debugs in a city's production.
 */
export function staticPathAllowed(config: Pick<Config, 'mode'>): (pathname: string) => boolean {
  const production = config.mode === 'production';
  return (pathname) => !pathname.endsWith('/') && !(production && pathname.endsWith('.map'));
}
