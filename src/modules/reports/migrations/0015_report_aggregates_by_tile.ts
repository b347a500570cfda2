import { type Kysely, sql } from 'kysely';

// The map's counts (0014) keyed by tile first: the client asks for one 256-px tile, whose 4 × 4 cells share
// (tx, ty) = (x >> 2, y >> 2), so a tile is one short index range. Keyed by (x, y), PostgreSQL 15 read a tile's four
// cell columns as a filter over the whole zoom level (at zoom 17, 6,546 buffers and 81 ms for 16 cells; measured
// with EXPLAIN ANALYZE on the benchmark's million reports).
const statements = [
  `ALTER TABLE report_map_cells ADD COLUMN tx int GENERATED ALWAYS AS (x >> 2) STORED, ADD COLUMN ty int GENERATED ALWAYS AS (y >> 2) STORED`,
  `ALTER TABLE report_map_cells DROP CONSTRAINT report_map_cells_pkey, ADD PRIMARY KEY (organization_id, zoom, tx, ty, x, y)`,
  `ALTER TABLE report_map_groups ADD COLUMN tx int GENERATED ALWAYS AS (x >> 2) STORED, ADD COLUMN ty int GENERATED ALWAYS AS (y >> 2) STORED`,
  `ALTER TABLE report_map_groups DROP CONSTRAINT report_map_groups_pkey,
     ADD PRIMARY KEY (organization_id, zoom, tx, ty, x, y, category_id, status_group, district_id)`,
  // The same upserts as in 0014, against the new keys (the order of the rows still fixes the order of the locks).
  `CREATE OR REPLACE FUNCTION report_aggregates_add(deltas report_aggregate_delta[]) RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO report_map_groups AS g (organization_id, zoom, x, y, category_id, status_group, district_id, n, lat_e6, lon_e6, id_sum)
     SELECT d.organization_id, z.zoom, map_cell_x(d.lon, z.zoom + 2), map_cell_y(d.lat, z.zoom + 2), d.category_id, d.status_group, d.district_id,
            sum(d.sign), sum(d.sign * round(d.lat * 1e6)::bigint), sum(d.sign * round(d.lon * 1e6)::bigint), sum(d.sign * d.id::bigint)
     FROM unnest(deltas) d CROSS JOIN generate_series(0, 17) AS z(zoom)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ORDER BY 1, 2, 3, 4, 5, 6, 7
     ON CONFLICT (organization_id, zoom, tx, ty, x, y, category_id, status_group, district_id) DO UPDATE
       SET n = g.n + excluded.n, lat_e6 = g.lat_e6 + excluded.lat_e6, lon_e6 = g.lon_e6 + excluded.lon_e6, id_sum = g.id_sum + excluded.id_sum;
     INSERT INTO report_map_cells AS c (organization_id, zoom, x, y, n, lat_e6, lon_e6, id_sum)
     SELECT d.organization_id, z.zoom, map_cell_x(d.lon, z.zoom + 2), map_cell_y(d.lat, z.zoom + 2),
            sum(d.sign), sum(d.sign * round(d.lat * 1e6)::bigint), sum(d.sign * round(d.lon * 1e6)::bigint), sum(d.sign * d.id::bigint)
     FROM unnest(deltas) d CROSS JOIN generate_series(0, 17) AS z(zoom)
     GROUP BY 1, 2, 3, 4
     ORDER BY 1, 2, 3, 4
     ON CONFLICT (organization_id, zoom, tx, ty, x, y) DO UPDATE
       SET n = c.n + excluded.n, lat_e6 = c.lat_e6 + excluded.lat_e6, lon_e6 = c.lon_e6 + excluded.lon_e6, id_sum = c.id_sum + excluded.id_sum;
     IF EXISTS (SELECT 1 FROM unnest(deltas) d WHERE d.sign < 0) THEN
       DELETE FROM report_map_groups WHERE n = 0 AND organization_id IN (SELECT DISTINCT d.organization_id FROM unnest(deltas) d);
       DELETE FROM report_map_cells WHERE n = 0 AND organization_id IN (SELECT DISTINCT d.organization_id FROM unnest(deltas) d);
     END IF;
   END $$`,
  `ANALYZE report_map_cells`,
  `ANALYZE report_map_groups`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
