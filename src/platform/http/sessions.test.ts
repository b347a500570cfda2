import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import { createOrganization, createResident } from '../../../test/helpers/factories';
import type { DatabaseHandle } from '../db/connect';
import { hashToken } from '../security/tokens';
import { createSession, loadSession, purgeExpiredSessions } from './sessions';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.close());

describe('sessions', () => {
  it('stores only a hash, belongs to one city, and purges idle and expired ones', async () => {
    const org = await createOrganization(h.db);
    const other = await createOrganization(h.db);
    const user = await createResident(h.db, org.id);
    const open = (idleMinutes: number) => createSession(h.db, { organizationId: org.id, userId: user.id, level: 'resident', idleMinutes, absoluteHours: 1 });
    const live = await open(60);
    const idle = await open(1);
    const old = await open(60);
    const stored = (await h.db.selectFrom('sessions').select('id_hash').execute()).map((r) => r.id_hash);
    expect(stored).not.toContain(live);
    expect(stored).toContain(hashToken(live));

    expect((await loadSession(h.db, org.id, live))?.id).toBe(user.id);
    expect(await loadSession(h.db, other.id, live)).toBeNull();

    await h.db.updateTable('sessions').set({ last_seen_at: sql`now() - interval '2 minutes'` }).where('id_hash', '=', hashToken(idle)).execute();
    await h.db.updateTable('sessions').set({ expires_at: sql`now() - interval '1 second'` }).where('id_hash', '=', hashToken(old)).execute();
    expect(await loadSession(h.db, org.id, idle)).toBeNull();
    expect(await loadSession(h.db, org.id, old)).toBeNull();

    await purgeExpiredSessions(h.db);
    const left = await h.db.selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute();
    expect(left).toEqual([{ id_hash: hashToken(live) }]);
  });
});
