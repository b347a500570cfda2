import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import type { DatabaseHandle, Db } from '../db/connect';
import { hashToken, randomToken } from '../security/tokens';
import { addFollower, isFollower, removeFollower } from './followers.queries';
import { addSupporter, isSupporter } from './supporters.queries';
import { followerTable, supporterTable } from './tables';
import { followedByToken, unsubscribeByToken, unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe';

// The engagement SQL on tables of its own (not the reports'), to show it serves any feature described by a table
// description. Reports' own behaviour is covered by the reports tests.

interface TestSchema {
  eng_ideas: { id: number; organization_id: number; supporters: number; author_id: number | null };
  eng_idea_supporters: { organization_id: number; idea_id: number; who: string; user_id: number | null };
  eng_idea_followers: { organization_id: number; idea_id: number; email: string; token_hash: string; since: number };
}

const SUPPORTERS = supporterTable<TestSchema>()({
  table: 'eng_idea_supporters',
  subject: 'idea_id',
  key: 'who',
  user: 'user_id',
  counted: { table: 'eng_ideas', count: 'supporters', owner: 'author_id' },
});
const FOLLOWERS = followerTable<TestSchema>()({ table: 'eng_idea_followers', subject: 'idea_id', email: 'email', tokenHash: 'token_hash' });
const SECRET = 'a test secret that is long enough to sign links';

let handle: DatabaseHandle;
let db: Db;
let idea: number;
let capped: number;

async function supporters(id: number): Promise<number> {
  const { rows } = await sql<{ supporters: number }>`SELECT supporters FROM eng_ideas WHERE id = ${id}`.execute(db);
  return rows[0]!.supporters;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await sql`CREATE TABLE eng_ideas (id serial PRIMARY KEY, organization_id int NOT NULL, supporters int NOT NULL DEFAULT 0 CHECK (supporters <= 3), author_id int)`.execute(
    db,
  );
  await sql`CREATE TABLE eng_idea_supporters (organization_id int NOT NULL, idea_id int NOT NULL REFERENCES eng_ideas, who text NOT NULL, user_id int,
    PRIMARY KEY (idea_id, who))`.execute(db);
  await sql`CREATE TABLE eng_idea_followers (organization_id int NOT NULL, idea_id int NOT NULL REFERENCES eng_ideas, email text NOT NULL,
    token_hash text NOT NULL UNIQUE, since int NOT NULL DEFAULT 0, PRIMARY KEY (idea_id, email))`.execute(db);
  const { rows } = await sql<{ id: number }>`INSERT INTO eng_ideas (organization_id, author_id) VALUES (1, 70), (1, NULL) RETURNING id`.execute(db);
  idea = rows[0]!.id;
  capped = rows[1]!.id;
});

afterAll(async () => {
  await handle.close();
});

describe('supporters', () => {
  it('counts each person once, however often and however concurrently they press "me too"', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => addSupporter(db, SUPPORTERS, 1, idea, 'u:7', 7)));
    expect(results.filter((r) => r === 'added')).toHaveLength(1);
    expect(await addSupporter(db, SUPPORTERS, 1, idea, 'u:7', 7)).toBe('already');
    expect(await addSupporter(db, SUPPORTERS, 1, idea, 'anon:x', null)).toBe('added');
    expect(await supporters(idea)).toBe(2);
    expect(await isSupporter(db, SUPPORTERS, 1, idea, 'u:7')).toBe(true);
    expect(await isSupporter(db, SUPPORTERS, 1, idea, 'u:8')).toBe(false);
    // Another city sees nothing and counts nothing.
    expect(await isSupporter(db, SUPPORTERS, 2, idea, 'u:7')).toBe(false);
  });

  it('keeps the row and the count in one transaction: when the count fails, the supporter is not kept', async () => {
    expect(await addSupporter(db, SUPPORTERS, 1, capped, 'u:1', 1)).toBe('added');
    expect(await addSupporter(db, SUPPORTERS, 1, capped, 'u:2', 2)).toBe('added');
    expect(await addSupporter(db, SUPPORTERS, 1, capped, 'u:3', 3)).toBe('added');
    // The fourth breaks the table's CHECK on the counter (without a caller's transaction, one is opened).
    await expect(addSupporter(db, SUPPORTERS, 1, capped, 'u:4', 4)).rejects.toThrow(/check/i);
    expect(await isSupporter(db, SUPPORTERS, 1, capped, 'u:4')).toBe(false);
    expect(await supporters(capped)).toBe(3);
    // Inside the caller's transaction both go back with it.
    await expect(
      db.transaction().execute(async (trx) => {
        await addSupporter(trx, SUPPORTERS, 1, idea, 'u:9', 9);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await isSupporter(db, SUPPORTERS, 1, idea, 'u:9')).toBe(false);
    expect(await supporters(idea)).toBe(2);
  });

  it('never counts the author of the subject, however often they press "me too"', async () => {
    const before = await supporters(idea);
    const results = await Promise.all(Array.from({ length: 4 }, () => addSupporter(db, SUPPORTERS, 1, idea, 'u:70', 70)));
    expect(results).toEqual(['own', 'own', 'own', 'own']);
    expect(await isSupporter(db, SUPPORTERS, 1, idea, 'u:70')).toBe(false);
    expect(await supporters(idea)).toBe(before);
    // Only this subject's author: on another person's subject they are an ordinary supporter.
    const { rows } = await sql<{ id: number }>`INSERT INTO eng_ideas (organization_id, author_id) VALUES (1, 71) RETURNING id`.execute(db);
    expect(await addSupporter(db, SUPPORTERS, 1, rows[0]!.id, 'u:70', 70)).toBe('added');
    expect(await addSupporter(db, SUPPORTERS, 1, rows[0]!.id, 'u:71', 71)).toBe('own');
  });
});

describe('followers and unsubscribe links', () => {
  it('adds a follower once (the first token stays), sets the feature’s own columns, and removes it', async () => {
    const first = hashToken(randomToken());
    await addFollower(db, FOLLOWERS, { organizationId: 1, subjectId: idea, email: 'a@example.de', tokenHash: first, extra: { since: sql<number>`41 + 1` } });
    await addFollower(db, FOLLOWERS, { organizationId: 1, subjectId: idea, email: 'a@example.de', tokenHash: hashToken(randomToken()) });
    const { rows } = await sql<{ token_hash: string; since: number }>`SELECT token_hash, since FROM eng_idea_followers WHERE email = 'a@example.de'`.execute(
      db,
    );
    expect(rows).toEqual([{ token_hash: first, since: 42 }]);
    expect(await isFollower(db, FOLLOWERS, 1, idea, 'a@example.de')).toBe(true);
    expect(await isFollower(db, FOLLOWERS, 2, idea, 'a@example.de')).toBe(false);
    await removeFollower(db, FOLLOWERS, 2, idea, 'a@example.de');
    expect(await isFollower(db, FOLLOWERS, 1, idea, 'a@example.de')).toBe(true);
    await removeFollower(db, FOLLOWERS, 1, idea, 'a@example.de');
    expect(await isFollower(db, FOLLOWERS, 1, idea, 'a@example.de')).toBe(false);
  });

  it('signs one stable link per follower that only this secret and this city accept, and that works once', async () => {
    const stored = hashToken(randomToken());
    await addFollower(db, FOLLOWERS, { organizationId: 1, subjectId: idea, email: 'b@example.de', tokenHash: stored });
    const link = unsubscribeToken(SECRET, stored);
    expect(unsubscribeToken(SECRET, stored)).toBe(link);
    expect(verifyUnsubscribeToken(SECRET, link)).toBe(stored);
    expect(verifyUnsubscribeToken('another secret', link)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${stored}.${'A'.repeat(22)}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, 'nonsense')).toBeNull();
    expect(await followedByToken(db, FOLLOWERS, SECRET, 1, link)).toBe(idea);
    expect(await followedByToken(db, FOLLOWERS, SECRET, 2, link)).toBeUndefined();
    expect(await unsubscribeByToken(db, FOLLOWERS, SECRET, 2, link)).toBeNull();
    expect(await unsubscribeByToken(db, FOLLOWERS, SECRET, 1, link)).toBe(idea);
    expect(await unsubscribeByToken(db, FOLLOWERS, SECRET, 1, link)).toBeNull();
    expect(await followedByToken(db, FOLLOWERS, SECRET, 1, link)).toBeUndefined();
  });
});
