import { type Kysely, sql } from 'kysely';

// Counts of public reports kept current on every write (issue 13), so the map and the list never count a city's
// reports per request. At a million reports the whole-city clusters took 1.3–2 s and the list's count ~0.5 s;
// reading these tables takes well under a millisecond.
//
// - report_map_cells: per Web Mercator cell of 64 px at every cluster zoom (0–17, see ALWAYS_POINTS_ZOOM in
//   map/map.ts): a cell at zoom z is the tile (x, y) at level z + 2, so a 256-px map tile holds 4 × 4 cells.
//   Sums of micro-degrees give the cluster's centre exactly (integers, so the order of writes never matters), and
//   the sum of ids is the id itself when a cell holds one report.
// - report_map_groups: the same split by category, status group (open, fixed, closed) and district (0: none), for
//   filtered maps. Its zoom-0 rows are the city's counts per category, status and district: the list's totals.
//
// A statement-level trigger on reports keeps both current from the rows a statement changed (transition tables):
// one upsert per statement, whether it wrote one report or a generator's batch of 5,000. Public means what
// publicFilter (report.queries.ts) means; report_is_public is the same rule in SQL, and a test holds them equal.
// Both tables are derived: backups leave them out, and a restore rebuilds them through the trigger.
/** Clusters are counted up to this zoom; from ALWAYS_POINTS_ZOOM (18, map/map.ts) on the map shows single reports. */
const MAX_CLUSTER_ZOOM = 17;

const statements = [
  `CREATE FUNCTION report_is_public(hidden boolean, status text, reviewed_at timestamptz, kind text) RETURNS boolean
     LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT NOT hidden AND status <> 'unconfirmed' AND (reviewed_at IS NOT NULL OR kind <> 'angstraum') $$`,
  `CREATE FUNCTION report_status_group(status text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT CASE WHEN status IN ('new', 'confirmed', 'in_progress') THEN 'open' WHEN status IN ('fixed', 'closed') THEN status END $$`,
  // Tile index at a level (Web Mercator, as platform/map/geometry.ts projects), clamped to the world.
  `CREATE FUNCTION map_cell_x(lon float8, level int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT least(greatest(floor((lon + 180) / 360 * 2 ^ level), 0), 2 ^ level - 1)::int $$`,
  `CREATE FUNCTION map_cell_y(lat float8, level int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
     AS $$ SELECT least(greatest(floor((0.5 - ln((1 + sin(radians(greatest(-85.05112878, least(85.05112878, lat)))))
                                              / (1 - sin(radians(greatest(-85.05112878, least(85.05112878, lat)))))) / (4 * pi())) * 2 ^ level), 0),
                        2 ^ level - 1)::int $$`,
  `CREATE TABLE report_map_cells (
     organization_id int NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
     zoom smallint NOT NULL,
     x int NOT NULL,
     y int NOT NULL,
     n int NOT NULL,
     lat_e6 bigint NOT NULL,
     lon_e6 bigint NOT NULL,
     id_sum bigint NOT NULL,
     PRIMARY KEY (organization_id, zoom, x, y)
   )`,
  `CREATE TABLE report_map_groups (
     organization_id int NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
     zoom smallint NOT NULL,
     x int NOT NULL,
     y int NOT NULL,
     category_id int NOT NULL,
     status_group text NOT NULL,
     district_id int NOT NULL,
     n int NOT NULL,
     lat_e6 bigint NOT NULL,
     lon_e6 bigint NOT NULL,
     id_sum bigint NOT NULL,
     PRIMARY KEY (organization_id, zoom, x, y, category_id, status_group, district_id)
   )`,
  `COMMENT ON TABLE report_map_cells IS 'derived: public reports per map cell, kept by the trigger on reports'`,
  `COMMENT ON TABLE report_map_groups IS 'derived: public reports per map cell, category, status group and district, kept by the trigger on reports'`,
  // Rows whose count fell to zero are removed right after; these small indexes find them.
  `CREATE INDEX report_map_cells_empty ON report_map_cells (organization_id) WHERE n = 0`,
  `CREATE INDEX report_map_groups_empty ON report_map_groups (organization_id) WHERE n = 0`,
  `CREATE TYPE report_aggregate_delta AS (organization_id int, category_id int, district_id int, status_group text, lat float8, lon float8, id int, sign int)`,
  // Adds (+1) or removes (-1) reports. Rows are written in key order, so concurrent writers take their row locks in
  // the same order and cannot deadlock each other.
  `CREATE FUNCTION report_aggregates_add(deltas report_aggregate_delta[]) RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO report_map_groups AS g (organization_id, zoom, x, y, category_id, status_group, district_id, n, lat_e6, lon_e6, id_sum)
     SELECT d.organization_id, z.zoom, map_cell_x(d.lon, z.zoom + 2), map_cell_y(d.lat, z.zoom + 2), d.category_id, d.status_group, d.district_id,
            sum(d.sign), sum(d.sign * round(d.lat * 1e6)::bigint), sum(d.sign * round(d.lon * 1e6)::bigint), sum(d.sign * d.id::bigint)
     FROM unnest(deltas) d CROSS JOIN generate_series(0, ${MAX_CLUSTER_ZOOM}) AS z(zoom)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ORDER BY 1, 2, 3, 4, 5, 6, 7
     ON CONFLICT (organization_id, zoom, x, y, category_id, status_group, district_id) DO UPDATE
       SET n = g.n + excluded.n, lat_e6 = g.lat_e6 + excluded.lat_e6, lon_e6 = g.lon_e6 + excluded.lon_e6, id_sum = g.id_sum + excluded.id_sum;
     INSERT INTO report_map_cells AS c (organization_id, zoom, x, y, n, lat_e6, lon_e6, id_sum)
     SELECT d.organization_id, z.zoom, map_cell_x(d.lon, z.zoom + 2), map_cell_y(d.lat, z.zoom + 2),
            sum(d.sign), sum(d.sign * round(d.lat * 1e6)::bigint), sum(d.sign * round(d.lon * 1e6)::bigint), sum(d.sign * d.id::bigint)
     FROM unnest(deltas) d CROSS JOIN generate_series(0, ${MAX_CLUSTER_ZOOM}) AS z(zoom)
     GROUP BY 1, 2, 3, 4
     ORDER BY 1, 2, 3, 4
     ON CONFLICT (organization_id, zoom, x, y) DO UPDATE
       SET n = c.n + excluded.n, lat_e6 = c.lat_e6 + excluded.lat_e6, lon_e6 = c.lon_e6 + excluded.lon_e6, id_sum = c.id_sum + excluded.id_sum;
     IF EXISTS (SELECT 1 FROM unnest(deltas) d WHERE d.sign < 0) THEN
       DELETE FROM report_map_groups WHERE n = 0 AND organization_id IN (SELECT DISTINCT d.organization_id FROM unnest(deltas) d);
       DELETE FROM report_map_cells WHERE n = 0 AND organization_id IN (SELECT DISTINCT d.organization_id FROM unnest(deltas) d);
     END IF;
   END $$`,
  // What a statement changed, as deltas: new public rows count +1, old public rows -1. An update that changes none
  // of the columns the aggregates depend on (supporters, texts, timestamps) changes nothing here.
  `CREATE FUNCTION report_aggregates_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     deltas report_aggregate_delta[];
   BEGIN
     IF TG_OP = 'INSERT' THEN
       SELECT array_agg(ROW(r.organization_id, r.category_id, coalesce(r.district_id, 0), report_status_group(r.status), r.lat, r.lon, r.id, 1)::report_aggregate_delta)
         INTO deltas
         FROM new_rows r JOIN report_categories c ON c.id = r.category_id
         WHERE report_is_public(r.hidden, r.status, r.reviewed_at, c.kind);
     ELSIF TG_OP = 'DELETE' THEN
       SELECT array_agg(ROW(r.organization_id, r.category_id, coalesce(r.district_id, 0), report_status_group(r.status), r.lat, r.lon, r.id, -1)::report_aggregate_delta)
         INTO deltas
         FROM old_rows r JOIN report_categories c ON c.id = r.category_id
         WHERE report_is_public(r.hidden, r.status, r.reviewed_at, c.kind);
     ELSE
       WITH changed AS (
         SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE (o.organization_id, o.category_id, o.district_id, o.status, o.hidden, o.reviewed_at IS NULL, o.lat, o.lon)
               IS DISTINCT FROM (n.organization_id, n.category_id, n.district_id, n.status, n.hidden, n.reviewed_at IS NULL, n.lat, n.lon)
       )
       SELECT array_agg(d) INTO deltas FROM (
         SELECT ROW(r.organization_id, r.category_id, coalesce(r.district_id, 0), report_status_group(r.status), r.lat, r.lon, r.id, -1)::report_aggregate_delta AS d
         FROM old_rows r JOIN changed USING (id) JOIN report_categories c ON c.id = r.category_id
         WHERE report_is_public(r.hidden, r.status, r.reviewed_at, c.kind)
         UNION ALL
         SELECT ROW(r.organization_id, r.category_id, coalesce(r.district_id, 0), report_status_group(r.status), r.lat, r.lon, r.id, 1)::report_aggregate_delta
         FROM new_rows r JOIN changed USING (id) JOIN report_categories c ON c.id = r.category_id
         WHERE report_is_public(r.hidden, r.status, r.reviewed_at, c.kind)
       ) x;
     END IF;
     IF deltas IS NOT NULL THEN
       PERFORM report_aggregates_add(deltas);
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER reports_aggregates_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION report_aggregates_on_write()`,
  `CREATE TRIGGER reports_aggregates_update AFTER UPDATE ON reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION report_aggregates_on_write()`,
  `CREATE TRIGGER reports_aggregates_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
     FOR EACH STATEMENT EXECUTE FUNCTION report_aggregates_on_write()`,
  // The aggregates of one city from scratch: the backfill below, and after a category turns into (or out of) an
  // Angstraum category, which changes which of its reports are public.
  `CREATE FUNCTION report_aggregates_rebuild(city int) RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     DELETE FROM report_map_groups WHERE organization_id = city;
     DELETE FROM report_map_cells WHERE organization_id = city;
     INSERT INTO report_map_groups (organization_id, zoom, x, y, category_id, status_group, district_id, n, lat_e6, lon_e6, id_sum)
     SELECT r.organization_id, z.zoom, map_cell_x(r.lon, z.zoom + 2), map_cell_y(r.lat, z.zoom + 2), r.category_id, report_status_group(r.status),
            coalesce(r.district_id, 0), count(*), sum(round(r.lat * 1e6)::bigint), sum(round(r.lon * 1e6)::bigint), sum(r.id::bigint)
     FROM reports r JOIN report_categories c ON c.id = r.category_id CROSS JOIN generate_series(0, ${MAX_CLUSTER_ZOOM}) AS z(zoom)
     WHERE r.organization_id = city AND report_is_public(r.hidden, r.status, r.reviewed_at, c.kind)
     GROUP BY 1, 2, 3, 4, 5, 6, 7;
     INSERT INTO report_map_cells (organization_id, zoom, x, y, n, lat_e6, lon_e6, id_sum)
     SELECT organization_id, zoom, x, y, sum(n), sum(lat_e6), sum(lon_e6), sum(id_sum)
     FROM report_map_groups WHERE organization_id = city
     GROUP BY 1, 2, 3, 4;
   END $$`,
  `CREATE FUNCTION report_aggregates_on_category_kind() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF (OLD.kind = 'angstraum') <> (NEW.kind = 'angstraum') THEN
       PERFORM report_aggregates_rebuild(NEW.organization_id);
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER report_categories_aggregates AFTER UPDATE OF kind ON report_categories
     FOR EACH ROW EXECUTE FUNCTION report_aggregates_on_category_kind()`,
  `CREATE FUNCTION report_aggregates_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     TRUNCATE report_map_groups, report_map_cells;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER reports_aggregates_truncate AFTER TRUNCATE ON reports FOR EACH STATEMENT EXECUTE FUNCTION report_aggregates_on_truncate()`,
  `SELECT report_aggregates_rebuild(id) FROM organizations ORDER BY id`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
