import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/helpers/app';
import { createResident } from '../../../test/helpers/factories';
import { MODULES, moduleRegistry } from '../../module-list';
import { localStorage } from '../../platform/files/storage';
import { personalData } from '../../platform/personal-data';
import { photoKey } from './idea.service';
import * as q from './ideas.queries';
import { insertTestIdea } from './ideas.test-support';

// A resident's ideas and supports in the data export, and what deleting the account does to them in both modes of
// DELETED_ACCOUNT_CONTRIBUTIONS (through the accounts module's deletion page). Synthetic data.

const source = moduleRegistry(MODULES)
  .contributions(personalData)
  .find((s) => s.name === 'ideas')!;

async function signedIn(t: TestApp, userId: number): Promise<Client> {
  const c = new Client(t, `203.0.113.${Math.floor(Math.random() * 200) + 1}`);
  await c.signInAs(userId, 'resident');
  return c;
}

/** An idea of `authorId` with one stored photo; returns its id and the photo's base key. */
async function ideaWithPhoto(t: TestApp, authorId: number, title: string) {
  const storage = localStorage(path.join(t.config.dataDir, 'files'));
  const base = `ideas/test-${Math.random().toString(36).slice(2)}`;
  for (const size of ['large', 'thumb'] as const) await storage.put(photoKey(base, size), Buffer.from('jpeg'));
  const id = await insertTestIdea(t.db, t.org.id, authorId, { title });
  await t.db.transaction().execute(async (trx) => {
    await q.insertPhoto(trx, { organizationId: t.org.id, ideaId: id, storageKey: base, width: 800, height: 600, sort: 0 });
    await q.insertEvent(trx, { organizationId: t.org.id, ideaId: id, kind: 'created', toStatus: 'submitted', actorUserId: authorId });
  });
  return { id, base, storage };
}

const counter = async (t: TestApp, id: number) => (await q.findIdea(t.db, t.org.id, id))?.supporters_count;

/** A resident with one idea (supported by someone else) who supports another resident's idea. */
async function world(t: TestApp) {
  const person = await createResident(t.db, t.org.id);
  const other = await createResident(t.db, t.org.id);
  const own = await ideaWithPhoto(t, person.id, 'Schattenbäume auf dem Spielplatz');
  const foreign = await ideaWithPhoto(t, other.id, 'Fahrradbügel am Bahnhof');
  expect((await (await signedIn(t, person.id)).post(`/ideen/${foreign.id}/unterstuetzen`)).statusCode).toBe(303);
  expect((await (await signedIn(t, other.id)).post(`/ideen/${own.id}/unterstuetzen`)).statusCode).toBe(303);
  expect(await counter(t, foreign.id)).toBe(1);
  return { person, own, foreign };
}

async function deleteAccount(t: TestApp, person: { id: number; email: string }) {
  const res = await (await signedIn(t, person.id)).post('/konto/loeschen', { confirm: person.email });
  expect(res.statusCode).toBe(303);
  expect(await t.db.selectFrom('users').select('id').where('id', '=', person.id).executeTakeFirst()).toBeUndefined();
}

describe('ideas in the data export and on deletion (anonymise, the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('exports the ideas with history and photo files, and the supports; not those of others', async () => {
    const { person, own, foreign } = await world(t);
    const exported = await source.exportFor(t.db, { organizationId: t.org.id, userId: person.id, email: person.email });
    const files = Object.fromEntries(exported.json.map((j) => [j.name, j.data]));
    expect(files['ideen.json']).toEqual([
      expect.objectContaining({
        id: own.id,
        title: 'Schattenbäume auf dem Spielplatz',
        description: expect.stringContaining('Sitzgelegenheiten'),
        status: 'submitted',
        supporters_count: 1,
        created_at: expect.any(Date),
        history: [expect.objectContaining({ kind: 'created' })],
        photos: [{ file: `idee-${own.id}-1.jpg`, width: 800, height: 600 }],
      }),
    ]);
    expect(files['ideen-unterstuetzungen.json']).toEqual([{ idea_id: foreign.id, title: 'Fahrradbügel am Bahnhof', created_at: expect.any(Date) }]);
    expect(exported.folders).toEqual([
      expect.objectContaining({ folder: 'ideen-fotos', files: [{ name: `idee-${own.id}-1.jpg`, storageKey: photoKey(own.base, 'large') }] }),
    ]);
    expect(exported.json[0]?.about('ar')).toContain('KümmertEuch');
    expect(JSON.stringify(exported.json.map((j) => j.data))).not.toContain('author_user_id');
  });

  it('keeps the ideas and photos without author and the support counted', async () => {
    const { person, own, foreign } = await world(t);
    await deleteAccount(t, person);
    const kept = await q.findIdea(t.db, t.org.id, own.id);
    expect(kept).toMatchObject({ author_user_id: null, title: 'Schattenbäume auf dem Spielplatz', supporters_count: 1 });
    expect(await own.storage.get(photoKey(own.base, 'large'))).not.toBeNull();
    expect(await counter(t, foreign.id)).toBe(1);
    const supports = await t.db.selectFrom('idea_supporters').selectAll().where('idea_id', '=', foreign.id).execute();
    expect(supports).toEqual([expect.objectContaining({ user_id: null, supporter_key: expect.stringMatching(/^anonym:/) })]);
    const events = await t.db.selectFrom('idea_events').select('actor_user_id').where('idea_id', '=', own.id).execute();
    expect(events.every((e) => e.actor_user_id === null)).toBe(true);
  });
});

describe('ideas on deletion where the city removes contributions (DELETED_ACCOUNT_CONTRIBUTIONS=remove)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DELETED_ACCOUNT_CONTRIBUTIONS: 'remove' });
  });
  afterAll(() => t.close());

  it('removes the ideas with their photos and takes the supports off the counters', async () => {
    const { person, own, foreign } = await world(t);
    // Another idea merged into the removed one keeps its content, without the pointer.
    const merged = (await ideaWithPhoto(t, (await createResident(t.db, t.org.id)).id, 'Bänke am Spielplatz')).id;
    await t.db.updateTable('ideas').set({ status: 'merged', merged_into_id: own.id }).where('id', '=', merged).execute();
    await deleteAccount(t, person);
    expect(await q.findIdea(t.db, t.org.id, own.id)).toBeUndefined();
    expect(await own.storage.get(photoKey(own.base, 'large'))).toBeNull();
    expect(await own.storage.get(photoKey(own.base, 'thumb'))).toBeNull();
    expect(await counter(t, foreign.id)).toBe(0);
    expect(await t.db.selectFrom('idea_supporters').selectAll().where('idea_id', '=', foreign.id).execute()).toEqual([]);
    expect(await q.findIdea(t.db, t.org.id, merged)).toMatchObject({ merged_into_id: null, title: 'Bänke am Spielplatz' });
  });
});
