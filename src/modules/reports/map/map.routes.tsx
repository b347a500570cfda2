import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../config';
import type { Db } from '../../../platform/db/connect';
import { createGeocoder, type Geocoder } from '../../../platform/geo/geocoder';
import type { LocationStepExtras } from '../report.routes';
import { listRoutes } from './list.routes';
import { locationRoutes } from './location.routes';
import { mapDataRoutes } from './map-data.routes';
import { publicCaches } from './map-http';
import { tileRoutes } from './tiles.routes';
import { LocationPicker } from './views/location-picker';
import type { MapSettings } from './views/parts';
import { ReportMap } from './views/report-map';

export interface MapDeps {
  db: Db;
  config: Config;
  /** Tests pass their own; by default built from GEOCODER_URL. */
  geocoder?: Geocoder;
  /** Tests pass their own fetch for the tile proxy. */
  fetchTile?: typeof fetch;
}

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BUNDLE = path.join(ROOT, 'public', 'js', 'map.js');

/**
 * Builds the client bundle when it is missing (a fresh clone, CI): the pages work without it, so a failure
 * (esbuild is a dev dependency) is logged and nothing more.
 */
export async function ensureClientBundle(log: (msg: string) => void = () => {}): Promise<void> {
  if (existsSync(BUNDLE)) return;
  await new Promise<void>((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'scripts', 'build-client.mjs'), '--quiet'], { cwd: ROOT, timeout: 60_000 }, (err) => {
      if (err) log(`client bundle could not be built (maps work without JavaScript only): ${err.message}`);
      resolve();
    });
  });
}

export function mapSettings(config: Config): MapSettings {
  return { tiles: config.mapTileUrl || config.mapTilesFile ? '/karte/kacheln/{z}/{x}/{y}.png' : null, attribution: config.mapTileAttribution };
}

/** The map feature: the extras for the report form and page, and its own routes. */
export function createMapFeature(deps: MapDeps) {
  const { config } = deps;
  const geocoder = deps.geocoder ?? createGeocoder({ url: config.geocoderUrl, userAgent: `Kuemmerer (${config.publicUrl.host})` });
  const settings = mapSettings(config);
  const caches = publicCaches(config.publicCacheSeconds);

  const extras: LocationStepExtras = {
    render: (ctx, values) => (
      <LocationPicker ctx={ctx} values={values} settings={settings} state={{ view: null, search: null, geocoderConfigured: geocoder.configured }} />
    ),
    reportMap: (ctx, report) => <ReportMap ctx={ctx} report={report} settings={settings} />,
  };

  async function routes(app: FastifyInstance): Promise<void> {
    await ensureClientBundle((msg) => app.log.warn(msg));
    locationRoutes(app, deps, geocoder, settings);
    listRoutes(app, deps, settings, caches);
    mapDataRoutes(app, deps, caches);
    tileRoutes(app, deps);
  }

  return { extras, routes, geocoder };
}
