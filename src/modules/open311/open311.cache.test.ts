import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app';
import { createCategory } from '../../../test/helpers/factories';
import { buildApp } from '../../app';
import { insertReport } from '../reports/report.queries';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const category = await createCategory(t.db, t.org.id, { name: 'Schlagloch' });
  for (let i = 0; i < 3; i++) {
    await insertReport(t.db, {
      organizationId: t.org.id,
      categoryId: category.id,
      departmentId: null,
      districtId: null,
      status: 'new',
      lat: 51.5 + i * 0.001,
      lon: 7.45,
      address: '',
      locationPrecise: true,
      description: `Meldung ${i}`,
      answers: {},
      userId: null,
      reporterName: '',
      reporterEmail: null,
      showName: false,
      idempotencyKey: null,
    });
  }
});
afterAll(() => t.close());

it('answers many pollers of the same request list with one set of report queries, still counting each request', async () => {
  let reportQueries = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node).includes('"reports"')) reportQueries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const app = await buildApp({ config: { ...t.config, publicCacheSeconds: 30 }, db: t.db.withPlugin(counter) });
  try {
    const get = (ip: string) => app.inject({ url: '/open311/v2/requests.json?page_size=100', headers: { host: 'localhost' }, remoteAddress: ip });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => get(`198.51.100.${i + 1}`)));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect((answers[0]!.json() as unknown[]).length).toBe(3);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(reportQueries).toBe(1);
    const counted = await t.db.selectFrom('rate_limits').select('key').where('key', 'like', 'open-data:ip:198.51.100.%').execute();
    expect(counted).toHaveLength(20);
  } finally {
    await app.close();
  }
});
