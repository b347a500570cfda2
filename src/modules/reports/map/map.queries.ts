import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../../db-schema';
import type { Db } from '../../../platform/db/connect';
import type { Bbox } from '../../../platform/geo/geojson';
import { CELL_LEVELS, cellsOf, type TileRange, tileBox } from '../../../platform/map/grid';
import { firstApprovedPhotoId, type ListFilter, publicFilter } from '../report.queries';

// SQL of the public map: areas to draw, points and grid clusters. Every report query goes through
// publicFilter, so unconfirmed and hidden reports never reach a map, and selects only public columns.

export function mapAreas(db: Db, organizationId: number) {
  return db
    .selectFrom('districts')
    .select(['id', 'kind', 'name', 'geometry', 'min_lon', 'min_lat', 'max_lon', 'max_lat'])
    .where('organization_id', '=', organizationId)
    .orderBy(sql`kind = 'stadtgrenze'`, 'desc')
    .orderBy('name')
    .execute();
}

/** The box of the city: its boundary, else all its districts; null when it has neither. */
export async function cityBox(db: Db, organizationId: number): Promise<Bbox | null> {
  const row = await db
    .selectFrom('districts')
    .select([
      sql<number>`min(min_lon)`.as('min_lon'),
      sql<number>`min(min_lat)`.as('min_lat'),
      sql<number>`max(max_lon)`.as('max_lon'),
      sql<number>`max(max_lat)`.as('max_lat'),
    ])
    .where('organization_id', '=', organizationId)
    .where((eb) =>
      eb.or([
        eb('kind', '=', 'stadtgrenze'),
        eb.not(eb.exists(eb.selectFrom('districts as b').select('b.id').where('b.organization_id', '=', organizationId).where('b.kind', '=', 'stadtgrenze'))),
      ]),
    )
    .executeTakeFirst();
  if (!row || row.min_lon === null) return null;
  return { minLon: Number(row.min_lon), minLat: Number(row.min_lat), maxLon: Number(row.max_lon), maxLat: Number(row.max_lat) };
}

/** More than the title's first words ever need (reportTitle keeps six words of the description). */
const TITLE_TEXT_MAX = 160;
/**
 * What a short title needs besides the category (reportTitle): the place, or, only when there is none, the start of
 * the description. Cut in SQL, so a list row or a map pin never carries a whole description.
 */
const titleText = sql<string>`CASE WHEN btrim(r.address) = '' THEN left(r.description, ${sql.lit(TITLE_TEXT_MAX)}) ELSE '' END`;

export interface MapPoint {
  id: number;
  lat: number;
  lon: number;
  status: import('../../../db-schema').ReportStatus;
  close_reason: import('../../../db-schema').CloseReason | null;
  category_de: string;
  category_en: string;
  address: string;
  description: string;
  created_at: Date;
}

/** Single public reports in a box (the GiST index on `location` finds them), newest first, capped. */
export function mapPoints(db: Db, organizationId: number, f: ListFilter & { bbox: Bbox }, limit: number): Promise<MapPoint[]> {
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'r.lat',
      'r.lon',
      'r.status',
      'r.close_reason',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'r.address',
      titleText.as('description'),
      'r.created_at',
    ])
    .where(publicFilter(organizationId, f))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

export interface ClusterRow {
  count: number;
  lat: number;
  lon: number;
  id: number | null;
  status: string | null;
  close_reason: string | null;
  category_de: string | null;
  category_en: string | null;
  address: string | null;
  description: string | null;
}

/** The filters the maintained counts know: category, status group and district (dates need the reports). */
export type CountFilter = Pick<ListFilter, 'categoryId' | 'status' | 'districtId'>;

/** The cells of whole tiles: the counts are keyed by tile first (tx, ty = x >> 2, y >> 2; migration 0015). */
function inTiles(tiles: TileRange) {
  return sql<SqlBool>`m.tx BETWEEN ${tiles.x0} AND ${tiles.x1} AND m.ty BETWEEN ${tiles.y0} AND ${tiles.y1}`;
}

/**
 * Grid clusters from the maintained counts (migration 0014): the cells of a block of tiles, biggest first and
 * capped. A cell holding one report is that report's pin, so its public fields come along by id in the same query.
 * Without filters one row per cell is read; with filters the cell's rows per category, status and district are
 * summed.
 */
export function mapCells(db: Db, organizationId: number, f: CountFilter, tiles: TileRange, limit: number): Promise<ClusterRow[]> {
  const filtered = Boolean(f.categoryId || f.status || f.districtId);
  const base = filtered
    ? db
        .selectFrom('report_map_groups as m')
        .select([
          'm.x',
          'm.y',
          sql<number>`sum(m.n)::int`.as('n'),
          sql<number>`sum(m.lat_e6)::float8`.as('lat_e6'),
          sql<number>`sum(m.lon_e6)::float8`.as('lon_e6'),
          sql<number>`sum(m.id_sum)::float8`.as('id_sum'),
        ])
        .where('m.organization_id', '=', organizationId)
        .where('m.zoom', '=', tiles.zoom)
        .where(inTiles(tiles))
        .$if(Boolean(f.categoryId), (q) => q.where('m.category_id', '=', f.categoryId!))
        .$if(Boolean(f.status), (q) => q.where('m.status_group', '=', f.status!))
        .$if(Boolean(f.districtId), (q) => q.where('m.district_id', '=', f.districtId!))
        .groupBy(['m.x', 'm.y'])
        .having(sql`sum(m.n)`, '>', 0)
    : db
        .selectFrom('report_map_cells as m')
        .select([
          'm.x',
          'm.y',
          'm.n',
          sql<number>`m.lat_e6::float8`.as('lat_e6'),
          sql<number>`m.lon_e6::float8`.as('lon_e6'),
          sql<number>`m.id_sum::float8`.as('id_sum'),
        ])
        .where('m.organization_id', '=', organizationId)
        .where('m.zoom', '=', tiles.zoom)
        .where(inTiles(tiles));
  return withSingles(
    db,
    organizationId,
    db
      .selectFrom(base.as('m'))
      .select([
        'm.x',
        'm.y',
        'm.n',
        sql<number>`m.lat_e6 / m.n / 1e6`.as('lat'),
        sql<number>`m.lon_e6 / m.n / 1e6`.as('lon'),
        sql<number | null>`CASE WHEN m.n = 1 THEN m.id_sum::int END`.as('one_id'),
      ]),
    limit,
  );
}

/**
 * The same clusters counted from the reports themselves, for filters the maintained counts cannot answer (dates):
 * reports in the tiles' box (GiST index) grouped by the same cells.
 */
export function liveCells(db: Db, organizationId: number, f: ListFilter, tiles: TileRange, limit: number): Promise<ClusterRow[]> {
  const cells = cellsOf(tiles);
  const box = tileBox(tiles);
  const level = cells.zoom + CELL_LEVELS;
  // The level as a literal: GROUP BY must repeat the select's expressions exactly, and two parameters ($1, $2) differ.
  const x = sql<number>`map_cell_x(r.lon, ${sql.lit(level)})`;
  const y = sql<number>`map_cell_y(r.lat, ${sql.lit(level)})`;
  const grouped = db
    .selectFrom('reports as r')
    .select([
      x.as('x'),
      y.as('y'),
      sql<number>`count(*)::int`.as('n'),
      sql<number>`avg(r.lat)`.as('lat'),
      sql<number>`avg(r.lon)`.as('lon'),
      sql<number>`min(r.id)`.as('one_id'),
    ])
    .where(publicFilter(organizationId, { ...f, bbox: box }))
    .where(sql<SqlBool>`${x} BETWEEN ${cells.x0} AND ${cells.x1} AND ${y} BETWEEN ${cells.y0} AND ${cells.y1}`)
    .groupBy([x, y]);
  return withSingles(
    db,
    organizationId,
    db.selectFrom(grouped.as('m')).select(['m.x', 'm.y', 'm.n', 'm.lat', 'm.lon', sql<number | null>`CASE WHEN m.n = 1 THEN m.one_id END`.as('one_id')]),
    limit,
  );
}

type CellQuery = SelectQueryBuilder<
  Database & { m: { x: number; y: number; n: number; lat: number; lon: number; one_id: number | null } },
  'm',
  { x: number; y: number; n: number; lat: number; lon: number; one_id: number | null }
>;

/** Cells with the public fields of single reports (one query), biggest first, capped. */
async function withSingles(db: Db, organizationId: number, cells: CellQuery, limit: number): Promise<ClusterRow[]> {
  const rows = await db
    .selectFrom(cells.as('m'))
    .leftJoin('reports as r', (j) => j.onRef('r.id', '=', 'm.one_id').on('r.organization_id', '=', organizationId))
    .leftJoin('report_categories as c', 'c.id', 'r.category_id')
    .select([
      'm.n',
      'm.lat',
      'm.lon',
      'r.id',
      'r.lat as one_lat',
      'r.lon as one_lon',
      'r.status',
      'r.close_reason',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'r.address',
      titleText.as('description'),
    ])
    .orderBy('m.n', 'desc')
    .orderBy('m.x')
    .orderBy('m.y')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    count: Number(r.n),
    lat: Number(r.id !== null ? r.one_lat : r.lat),
    lon: Number(r.id !== null ? r.one_lon : r.lon),
    id: r.id,
    status: r.status,
    close_reason: r.close_reason,
    category_de: r.category_de,
    category_en: r.category_en,
    address: r.address,
    description: r.description,
  }));
}

/** Public reports to draw on the server-rendered map of a view. */
export function staticMapReports(db: Db, organizationId: number, f: ListFilter & { bbox: Bbox }, limit = 500) {
  return db
    .selectFrom('reports as r')
    .select(['r.id', 'r.lat', 'r.lon', 'r.status'])
    .where(publicFilter(organizationId, f))
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Categories a filter may name: also inactive ones, since old reports keep theirs. */
export function categoriesForFilter(db: Db, organizationId: number) {
  return db
    .selectFrom('report_categories')
    .select(['id', 'name_de', 'name_en'])
    .where('organization_id', '=', organizationId)
    .orderBy('sort')
    .orderBy('name_de')
    .execute();
}

/**
 * Public reports of the filter, exactly, from the maintained counts: their zoom-0 rows are the city's counts (one
 * cell for the whole city, per category, status and district in the groups).
 */
export async function publicCount(db: Db, organizationId: number, f: CountFilter): Promise<number> {
  const total = sql<number>`coalesce(sum(g.n), 0)::int`.as('n');
  const row =
    f.categoryId || f.status || f.districtId
      ? await db
          .selectFrom('report_map_groups as g')
          .select(total)
          .where('g.organization_id', '=', organizationId)
          .where('g.zoom', '=', 0)
          .$if(Boolean(f.categoryId), (q) => q.where('g.category_id', '=', f.categoryId!))
          .$if(Boolean(f.status), (q) => q.where('g.status_group', '=', f.status!))
          .$if(Boolean(f.districtId), (q) => q.where('g.district_id', '=', f.districtId!))
          .executeTakeFirstOrThrow()
      : await db
          .selectFrom('report_map_cells as g')
          .select(total)
          .where('g.organization_id', '=', organizationId)
          .where('g.zoom', '=', 0)
          .executeTakeFirstOrThrow();
  return row.n;
}

/** Public reports of the filter counted from the reports, but no further than cap + 1: "more than cap". */
export async function cappedCount(db: Db, organizationId: number, f: ListFilter, cap: number): Promise<number> {
  const row = await db
    .selectFrom(
      db
        .selectFrom('reports as r')
        .select('r.id')
        .where(publicFilter(organizationId, f))
        .limit(cap + 1)
        .as('s'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Where a list page starts: after (older than) or before (newer than) a report, newest first either way. */
export type ListCursor = { older: number } | { newer: number } | null;

/**
 * One page of the public list by keyset (created_at, id): older than a report or newer than it, never by offset, so
 * a page costs the same at any depth and reports added meanwhile do not shift it. The cursor report's time is
 * looked up inside the query; an id the city does not know gives an empty page.
 */
export function listPage(db: Db, organizationId: number, f: ListFilter, cursor: ListCursor, limit: number) {
  const newer = cursor !== null && 'newer' in cursor;
  const at = cursor === null ? null : 'older' in cursor ? cursor.older : cursor.newer;
  const key = sql`(r.created_at, r.id)`;
  const from = sql`((SELECT k.created_at FROM reports k WHERE k.organization_id = ${organizationId} AND k.id = ${at}), ${at}::int)`;
  return db
    .selectFrom('reports as r')
    .innerJoin('report_categories as c', 'c.id', 'r.category_id')
    .leftJoin('districts as d', 'd.id', 'r.district_id')
    .select([
      'r.id',
      'r.status',
      'r.close_reason',
      'r.address',
      titleText.as('description'),
      'r.location_precise',
      'r.created_at',
      'r.supporters_count',
      'c.name_de as category_de',
      'c.name_en as category_en',
      'd.name as district',
      firstApprovedPhotoId.as('photo_id'),
    ])
    .where(publicFilter(organizationId, f))
    .$if(at !== null, (q) => q.where(newer ? sql<SqlBool>`${key} > ${from}` : sql<SqlBool>`${key} < ${from}`))
    .orderBy('r.created_at', newer ? 'asc' : 'desc')
    .orderBy('r.id', newer ? 'asc' : 'desc')
    .limit(limit)
    .execute();
}
