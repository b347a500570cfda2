import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../platform/db/connect';
import { docsRoutes } from './docs.routes';
import { exportRoutes } from './exports.routes';
import { feedRoutes } from './feeds.routes';
import { openDataScope } from './opendata.http';

export { CSV_LIMIT_MAX, EXPORT_LIMIT_DEFAULT, GEOJSON_LIMIT_MAX } from './opendata.schemas';

export interface OpenDataDeps {
  db: Db;
  config: Config;
}

/** Open data: GeoJSON and CSV exports, Atom feeds and the sitemap, the OpenAPI document, its docs and /offene-daten. */
export async function openDataRoutes(app: FastifyInstance, { db, config }: OpenDataDeps): Promise<void> {
  const scope = openDataScope(db, config);
  exportRoutes(app, scope);
  feedRoutes(app, scope);
  docsRoutes(app, scope);
}
