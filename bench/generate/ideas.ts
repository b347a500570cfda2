// node --import tsx bench/generate/ideas.ts -- [--ideas N] [--database-url URL | --data-dir DIR] [--city SLUG] [--seed S]
//
// Adds N KümmertEuch ideas (default 100,000) to an existing city of a benchmark database (npm run bench:generate
// makes one; the demo city "dortmund" by default): topics, statuses, districts and places, supports counts with a
// long tail (a few ideas with thousands, most with a handful), thresholds reached with answer deadlines (some
// overdue, some answered). Only the ideas' own counter is written, not one supporter row per support: the list and
// its filters read the counter. Batches of 5,000 rows, one INSERT … SELECT each, deterministic for a seed.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { migrateAll } from '../../src/module-list';
import { type DatabaseHandle, openPglite, openPostgres } from '../../src/platform/db/connect';

const TOPICS = ['verkehr', 'gruen', 'spielen', 'kultur', 'soziales', 'sauberkeit', 'wirtschaft', 'digitales', 'sonstiges'];
const WORDS = [
  'Bank',
  'Baum',
  'Spielplatz',
  'Radweg',
  'Laterne',
  'Brunnen',
  'Markt',
  'Bücherschrank',
  'Zebrastreifen',
  'Hundewiese',
  'Toilette',
  'Sportplatz',
  'Bushaltestelle',
  'Blumenwiese',
  'Fahrradständer',
  'Café',
  'Kunst',
  'Parkplatz',
  'Tempo 30',
  'WLAN',
];

export async function generateIdeas(
  db: DatabaseHandle['db'],
  options: { ideas: number; city: string; seed: number; now: number; batch?: number },
): Promise<number> {
  const org = await db.selectFrom('organizations').select('id').where('slug', '=', options.city).executeTakeFirst();
  if (!org) throw new Error(`No city "${options.city}" in this database: run npm run bench:generate first.`);
  const districts = await db
    .selectFrom('districts')
    .select(['id', 'min_lon', 'min_lat', 'max_lon', 'max_lat'])
    .where('organization_id', '=', org.id)
    .where('kind', '=', 'stadtbezirk')
    .orderBy('id')
    .execute();
  if (districts.length === 0) throw new Error('The city has no Stadtbezirke.');
  const author = await db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', org.id)
    .where('role', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const batch = options.batch ?? 5000;
  const now = new Date(options.now);
  const words = sql.val(WORDS);
  const topics = sql.val(TOPICS);
  const ids = sql.val(districts.map((d) => d.id));
  const boxes = sql.val(districts.map((d) => [Number(d.min_lon), Number(d.min_lat), Number(d.max_lon), Number(d.max_lat)].join(',')));
  await sql`SELECT setseed(${(options.seed % 1000) / 1000})`.execute(db);
  let done = 0;
  while (done < options.ideas) {
    const n = Math.min(batch, options.ideas - done);
    // One statement per batch: r holds the draws; ages spread over three years (newest last, as ids grow).
    await sql`
      WITH r AS (
        SELECT g, random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6,
               floor(random() * array_length(${ids}::int[], 1))::int + 1 AS d
        FROM generate_series(1, ${n}) AS g
      ), s AS (
        SELECT r.*, (${ids}::int[])[d] AS district_id, string_to_array((${boxes}::text[])[d], ',')::float8[] AS box,
               ${now}::timestamptz - make_interval(secs => (1 - (${done} + g)::float8 / ${options.ideas}) * 3 * 365 * 86400) AS created,
               -- A long tail: most ideas a few supports, a few thousands.
               floor(power(u1, 6) * 3000)::int AS supports
        FROM r
      )
      INSERT INTO ideas (organization_id, title, description, topic, district_id, lat, lon, status, author_user_id, supporters_count,
                         reached_at, answer_due_at, answered_at, answer, created_at, updated_at)
      SELECT ${org.id},
             (${words}::text[])[1 + floor(u2 * 20)::int] || ' für ' || (${words}::text[])[1 + floor(u3 * 20)::int] || ' #' || (${done} + g),
             'Vorschlag: ' || (${words}::text[])[1 + floor(u3 * 20)::int] || ' und ' || (${words}::text[])[1 + floor(u4 * 20)::int] || ' im Stadtteil, damit es alle leichter haben.',
             (${topics}::text[])[1 + floor(u4 * 9)::int],
             CASE WHEN u5 < 0.85 THEN district_id END,
             CASE WHEN u5 < 0.6 THEN box[2] + u6 * (box[4] - box[2]) END,
             CASE WHEN u5 < 0.6 THEN box[1] + u2 * (box[3] - box[1]) END,
             CASE WHEN supports >= 50 AND u6 < 0.3 THEN 'accepted' WHEN supports >= 50 AND u6 < 0.45 THEN 'rejected' WHEN u6 < 0.05 THEN 'implemented'
                  WHEN u6 < 0.2 THEN 'reviewing' WHEN u6 > 0.995 THEN 'merged' ELSE 'submitted' END,
             ${author?.id ?? null}, supports,
             CASE WHEN supports >= 50 THEN created + interval '20 days' END,
             CASE WHEN supports >= 50 THEN created + interval '62 days' END,
             CASE WHEN supports >= 50 AND u6 < 0.45 THEN created + interval '50 days' END,
             CASE WHEN supports >= 50 AND u6 < 0.45 THEN 'Die Stadt hat die Idee geprüft.' END,
             created, created
      FROM s`.execute(db);
    done += n;
    process.stderr.write(`\rideas: ${done.toLocaleString('en')} / ${options.ideas.toLocaleString('en')}`);
  }
  process.stderr.write('\n');
  await sql`ANALYZE ideas`.execute(db);
  return done;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ideas: { type: 'string', default: '100000' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      city: { type: 'string', default: 'dortmund' },
      seed: { type: 'string', default: '1' },
      now: { type: 'string' },
    },
  });
  const ideas = Number(values.ideas?.replace(/[_,]/g, ''));
  if (!Number.isInteger(ideas) || ideas < 1) throw new Error('--ideas must be a whole number above 0');
  const url = values['database-url'] ?? process.env.DATABASE_URL ?? null;
  const handle = url ? await openPostgres(url, 2) : await openPglite({ dataDir: values['data-dir'] ?? process.env.DATA_DIR ?? './data-bench' });
  try {
    await migrateAll(handle.db);
    const now = values.now ? Date.parse(values.now) : Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const n = await generateIdeas(handle.db, { ideas, city: values.city!, seed: Number(values.seed), now });
    console.log(`Added ${n.toLocaleString('en')} ideas to "${values.city}".`);
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
