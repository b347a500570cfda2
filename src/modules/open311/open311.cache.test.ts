import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory, createPublicReport } from '../../../test/helpers/factories';
import { buildApp } from '../../app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const category = await createCategory(t.db, t.org.id, { name: 'Schlagloch' });
  for (let i = 0; i < 3; i++) {
    await createPublicReport(t.db, t.org.id, category.id, { lat: 51.5 + i * 0.001, description: `Meldung ${i}` });
  }
});
afterAll(() => t.close());

it('answers many pollers of the same request list with one list statement, still counting each request', async () => {
  // Every statement that reaches the database (the list is compiled once, so it is counted by its result).
  let statements = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements++;
      return args.result;
    },
  };
  const app = await buildApp({ config: { ...t.config, publicCacheSeconds: 30 }, db: t.db.withPlugin(counter), cityCacheMs: 60_000 });
  try {
    const get = (ip: string) => app.inject({ url: '/open311/v2/requests.json?page_size=100', headers: { host: 'localhost' }, remoteAddress: ip });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => get(`198.51.100.${i + 1}`)));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect((answers[0]!.json() as unknown[]).length).toBe(3);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    // One city lookup, one rate-limit count per poller, one list statement (with its photos and notes) for all.
    expect(statements).toBe(1 + 20 + 1);
    const counted = await t.db.selectFrom('rate_limits').select('key').where('key', 'like', 'open-data:ip:198.51.100.%').execute();
    expect(counted).toHaveLength(20);
  } finally {
    await app.close();
  }
});
