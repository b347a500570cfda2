import type { CloseReason, ReportStatus } from '../../../db-schema';
import type { Db } from '../../../platform/db/connect';
import type { RequestContext } from '../../../platform/http/context';
import { type TileRange, tileBox, tileCountOf, tilesCovering } from '../../../platform/map/grid';
import { pinGroup } from '../../../platform/map/pins';
import type { ListFilter } from '../report.queries';
import { reportTitle } from '../views/report-card';
import { statusLabel } from '../views/status';
import { ALWAYS_POINTS_ZOOM, countable, MAP_FEATURES_MAX, POINTS_FROM_ZOOM, POINTS_PER_TILE } from './map';
import * as mq from './map.queries';

// The map's answer for a block of whole tiles (one tile for the client, the tiles under a box for the API): grid
// clusters from the maintained counts, or single reports where a person can read them.

interface Pin {
  id: number;
  lat: number;
  lon: number;
  status: string | null;
  close_reason: string | null;
  category_de: string | null;
  category_en: string | null;
  address: string | null;
  /** The start of the description, only when there is no place text (map.queries titleText). */
  description: string | null;
}

function pinFeature(ctx: RequestContext, r: Pin) {
  const status = (r.status ?? 'new') as ReportStatus;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [r.lon, r.lat] },
    properties: {
      cluster: false,
      id: r.id,
      group: pinGroup(status),
      status: statusLabel(ctx.locale, { status, close_reason: r.close_reason as CloseReason | null }),
      category: (ctx.locale === 'de' ? r.category_de : r.category_en) ?? '',
      // The list's short title, so the popup says what and where, not only a number (issue 14).
      title: reportTitle(ctx.locale, {
        category_de: r.category_de ?? '',
        category_en: r.category_en ?? '',
        address: r.address ?? '',
        description: r.description ?? '',
      }),
      url: `/meldungen/${r.id}`,
    },
  };
}

/**
 * Below POINTS_FROM_ZOOM always clusters (a cell with one report is its pin); up to ALWAYS_POINTS_ZOOM the pins
 * when the tiles hold at most POINTS_PER_TILE each on average (a dense quarter of a big city stays clustered: a few
 * hundred pins are all a person can read); from ALWAYS_POINTS_ZOOM on the pins. Pins are read only when their
 * number is known to be small, so no answer sorts a city's reports: a box of more than 64 tiles at a pin zoom is
 * counted first (with the cells of the last cluster zoom), and shows those clusters when it holds too many.
 */
export async function mapAnswer(db: Db, ctx: RequestContext, filter: ListFilter, tiles: TileRange): Promise<string> {
  const { zoom } = tiles;
  const box = tileBox(tiles);
  const org = ctx.org.id;
  const points = async () => {
    const rows = await mq.mapPoints(db, org, { ...filter, bbox: box }, MAP_FEATURES_MAX + 1);
    return answer(
      rows.slice(0, MAP_FEATURES_MAX).map((r) => pinFeature(ctx, r)),
      false,
      rows.length > MAP_FEATURES_MAX,
      zoom,
    );
  };
  if (zoom >= ALWAYS_POINTS_ZOOM && tileCountOf(tiles) <= 64) return points();
  const clusterZoom = Math.min(zoom, ALWAYS_POINTS_ZOOM - 1);
  const cellTiles = clusterZoom === zoom ? tiles : tilesCovering(box, clusterZoom);
  const rows = countable(filter)
    ? await mq.mapCells(db, org, filter, cellTiles, MAP_FEATURES_MAX + 1)
    : await mq.liveCells(db, org, filter, cellTiles, MAP_FEATURES_MAX + 1);
  const truncated = rows.length > MAP_FEATURES_MAX;
  const total = rows.reduce((n, r) => n + r.count, 0);
  if (zoom >= POINTS_FROM_ZOOM && !truncated && total <= Math.min(MAP_FEATURES_MAX, POINTS_PER_TILE * tileCountOf(tiles))) return points();
  const features = rows
    .slice(0, MAP_FEATURES_MAX)
    .map((r) =>
      r.count === 1 && r.id !== null
        ? pinFeature(ctx, { ...r, id: r.id })
        : { type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { cluster: true, count: r.count } },
    );
  return answer(features, true, truncated, zoom);
}

function answer(features: unknown[], clustered: boolean, truncated: boolean, zoom: number): string {
  return JSON.stringify({ type: 'FeatureCollection', features, clustered, truncated, zoom });
}
