import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createResident } from '../../../test/helpers/factories';
import { multipartBody } from '../../../test/helpers/multipart';
import { hit } from '../../platform/http/rate-limit';
import { RATE_LIMITS } from './idea.service';
import * as q from './ideas.queries';
import { insertTestIdea } from './ideas.test-support';

// Submitting ideas and supporting them are limited per connection and account: the page comes again with 429, a
// message and the input kept, and nothing is stored. Synthetic data.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function resident() {
  const user = await createResident(t.db, t.org.id);
  const c = new Client(t, `203.0.113.${Math.floor(Math.random() * 200) + 1}`);
  await c.signInAs(user.id, 'resident');
  return { user, c };
}

const ideasCount = async () =>
  (
    await t.db
      .selectFrom('ideas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('rate limits', () => {
  it('shows the idea form again with 429, the message and the input once the account used its ideas', async () => {
    const { user, c } = await resident();
    await hit(t.db, RATE_LIMITS.ideaAccount, `u:${user.id}`, RATE_LIMITS.ideaAccount.max);
    const before = await ideasCount();
    const fields = { title: 'Trinkbrunnen am Westpark', description: 'Im Sommer gibt es im Westpark kein Trinkwasser für Kinder.', topic: 'gruen' };
    const body = multipartBody([{ name: '_csrf', value: c.csrf }, ...Object.entries(fields).map(([name, value]) => ({ name, value }))]);
    const res = await c.request({ method: 'POST', url: '/ideen/neu', payload: body.payload, headers: body.headers });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toContain('sehr viele Ideen');
    expect(res.body).toContain('value="Trinkbrunnen am Westpark"');
    expect(res.body).toContain('Im Sommer gibt es im Westpark kein Trinkwasser für Kinder.');
    expect(await ideasCount()).toBe(before);
  });

  it('does not count a form with mistakes against the limit', async () => {
    const { user, c } = await resident();
    await hit(t.db, RATE_LIMITS.ideaAccount, `u:${user.id}`, RATE_LIMITS.ideaAccount.max - 1);
    const body = multipartBody([
      { name: '_csrf', value: c.csrf },
      { name: 'title', value: 'Kurz' },
      { name: 'description', value: 'Zu kurz' },
      { name: 'topic', value: 'gruen' },
    ]);
    expect((await c.request({ method: 'POST', url: '/ideen/neu', payload: body.payload, headers: body.headers })).statusCode).toBe(400);
    const key = `${RATE_LIMITS.ideaAccount.name}:u:${user.id}`;
    expect((await t.db.selectFrom('rate_limits').select('count').where('key', '=', key).executeTakeFirstOrThrow()).count).toBe(RATE_LIMITS.ideaAccount.max - 1);
  });

  it('shows the idea page again with 429 and the message once the account used its supports; the counter stays', async () => {
    const author = await createResident(t.db, t.org.id);
    const id = await insertTestIdea(t.db, t.org.id, author.id, { title: 'Schattenbäume am Spielplatz' });
    const { user, c } = await resident();
    await hit(t.db, RATE_LIMITS.supportAccount, `u:${user.id}`, RATE_LIMITS.supportAccount.max);
    const res = await c.post(`/ideen/${id}/unterstuetzen`);
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('sehr viele Unterstützungen');
    expect(res.body).toContain('Schattenbäume am Spielplatz');
    expect((await q.findIdea(t.db, t.org.id, id))?.supporters_count).toBe(0);
    expect(await t.db.selectFrom('idea_supporters').select('idea_id').where('idea_id', '=', id).execute()).toEqual([]);
  });
});
