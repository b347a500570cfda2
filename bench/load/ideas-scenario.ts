// The ideas list (/ideen) under load: random filters at 50 connections (issue 16: p99 ≤ 100 ms with 100,000 ideas,
// made by bench/generate/ideas.ts). Hooked into `npm run bench load` by one line in scenarios() of
// bench/load/scenarios.ts: `...ideaScenarios(u, rnd())`.
//
// Draws: 40 % the first page as it opens (most supported); 15 % newest; 10 % "needs answer"; 20 % one filter
// (topic, district or status); 5 % two filters; 10 % a search word (a third of them with "oder"). A fifth of the
// requests follow "Weitere Ideen" once (a cursor from the middle of the counts' range).
//
// Smoke run (10 s, one process, no child server): DATABASE_URL=… [PUBLIC_CACHE_SECONDS=60] node --import tsx bench/load/ideas-scenario.ts
import autocannon from 'autocannon';
import { sql } from 'kysely';
import type { Scenario, Universe } from './scenarios';
import { random } from './scenarios';

const TOPICS = ['verkehr', 'gruen', 'spielen', 'kultur', 'soziales', 'sauberkeit', 'wirtschaft', 'digitales', 'sonstiges'];
const STATUSES = ['submitted', 'reviewing', 'accepted', 'implemented', 'rejected'];
const WORDS = ['Bank', 'Baum', 'Spielplatz', 'Radweg', 'Brunnen', 'Markt', 'Toilette', 'Laterne', 'Hundewiese', 'Zebrastreifen', 'Schattenplatz'];

export function ideaListPath(districtIds: number[], rnd: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const params = new URLSearchParams();
  const filter = () => {
    const which = pick(['thema', 'bezirk', 'stand'] as const);
    if (which === 'thema') params.set('thema', pick(TOPICS));
    else if (which === 'bezirk' && districtIds.length > 0) params.set('bezirk', String(pick(districtIds)));
    else params.set('stand', pick(STATUSES));
  };
  const x = rnd();
  if (x < 0.4) {
    // the first page as it opens
  } else if (x < 0.55) params.set('sortierung', 'newest');
  else if (x < 0.65) params.set('sortierung', 'due');
  else if (x < 0.85) filter();
  else if (x < 0.9) {
    filter();
    filter();
  } else params.set('suche', rnd() < 0.33 ? `${pick(WORDS)} oder ${pick(WORDS)}` : pick(WORDS));
  if (rnd() < 0.2 && !params.has('sortierung')) params.set('weiter', `${Math.floor(rnd() * 40)}.${1 + Math.floor(rnd() * 90_000)}`);
  const query = params.toString();
  return query ? `/ideen?${query}` : '/ideen';
}

export function ideaScenarios(u: Universe, rnd: () => number): Scenario[] {
  const districtIds = u.districts.map((d) => d.id);
  return [{ name: 'ideas list (HTML, random filters)', kind: 'read', connections: 50, target: { p99: 100 }, next: () => ideaListPath(districtIds, rnd) }];
}

async function smoke(): Promise<void> {
  const { buildApp } = await import('../../src/app');
  const { loadConfig } = await import('../../src/config');
  const { openPostgres } = await import('../../src/platform/db/connect');
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is needed (a database filled by bench:generate and bench/generate/ideas.ts)');
  const handle = await openPostgres(url, 10);
  const { randomBytes } = await import('node:crypto');
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    SECRET: randomBytes(48).toString('base64'),
    PUBLIC_URL: 'http://127.0.0.1',
    DEFAULT_ORGANIZATION: 'dortmund',
    PUBLIC_CACHE_SECONDS: '0',
  });
  const app = await buildApp({ config, db: handle.db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const org = (await handle.db.selectFrom('organizations').select('id').where('slug', '=', 'dortmund').executeTakeFirstOrThrow()).id;
  const districts = (await sql<{ id: number }>`SELECT id FROM districts WHERE organization_id = ${org} AND kind = 'stadtbezirk'`.execute(handle.db)).rows.map(
    (r) => r.id,
  );
  const rnd = random(1);
  const requests = Array.from({ length: 2000 }, () => ({ method: 'GET' as const, path: ideaListPath(districts, rnd) }));
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const result = await autocannon({ url: `http://127.0.0.1:${address.port}`, connections: 50, duration: seconds, requests, headers: { host: '127.0.0.1' } });
  console.log(
    `ideas list, 50 connections, ${seconds} s: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors + result.timeouts}`,
  );
  await app.close();
  await handle.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await smoke();
