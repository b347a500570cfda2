import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../../test/helpers/app';
import { createDepartment, createResident, createStaff } from '../../../../test/helpers/factories';
import * as q from '../ideas.queries';
import { insertTestIdea } from '../ideas.test-support';

// Department staff work on their departments' ideas only; moderators and admins on all. Synthetic data.

let t: TestApp;
let own: number;
let other: number;
let staff: Client;
let moderator: Client;

beforeAll(async () => {
  t = await createTestApp();
  own = (await createDepartment(t.db, t.org.id, 'Grünflächenamt')).id;
  other = (await createDepartment(t.db, t.org.id, 'Tiefbauamt')).id;
  const member = await createStaff(t.db, t.config.secret, t.org.id, 'department_staff', { departmentIds: [own] });
  staff = new Client(t, '203.0.113.60');
  await staff.signInAs(member.id, 'staff');
  moderator = new Client(t, '203.0.113.61');
  await moderator.signInAs((await createStaff(t.db, t.config.secret, t.org.id, 'moderator')).id, 'staff');
});
afterAll(() => t.close());

async function idea(title: string, departmentId: number | null): Promise<number> {
  const author = await createResident(t.db, t.org.id);
  const id = await insertTestIdea(t.db, t.org.id, author.id, { title });
  await t.db.updateTable('ideas').set({ department_id: departmentId }).where('id', '=', id).execute();
  return id;
}

const snapshot = async (id: number) => {
  const row = await q.findIdea(t.db, t.org.id, id);
  const events = await q.ideaEvents(t.db, t.org.id, id);
  return { status: row?.status, answer: row?.answer, department: row?.department_id, merged: row?.merged_into_id, events: events.length };
};

describe('department scope of the ideas back office', () => {
  it("refuses another department's idea with 403 and changes nothing; the own department's works", async () => {
    const mine = await idea('Blühwiese im Westpark', own);
    const theirs = await idea('Radweg an der Ruhrallee', other);
    const unassigned = await idea('Trinkbrunnen am Markt', null);
    const before = await snapshot(theirs);
    expect((await staff.get(`/verwaltung/ideen/${theirs}`)).statusCode).toBe(403);
    expect((await staff.get(`/verwaltung/ideen/${unassigned}`)).statusCode).toBe(403);
    const posts = [
      staff.post(`/verwaltung/ideen/${theirs}/status`, { to: 'reviewing', reason: '' }),
      staff.post(`/verwaltung/ideen/${theirs}/antwort`, { answer: 'Wir prüfen das.' }),
      staff.post(`/verwaltung/ideen/${theirs}/abteilung`, { departmentId: String(own) }),
      staff.post(`/verwaltung/ideen/${theirs}/zusammenfuehren`, { into: String(mine) }),
      // Merging the own idea into another department's would hand it that idea's supporters.
      staff.post(`/verwaltung/ideen/${mine}/zusammenfuehren`, { into: String(theirs) }),
    ];
    for (const res of await Promise.all(posts)) expect(res.statusCode).toBe(403);
    expect(await snapshot(theirs)).toEqual(before);
    expect((await q.findIdea(t.db, t.org.id, mine))?.status).toBe('submitted');

    const queue = await staff.get('/verwaltung/ideen?auswahl=all');
    expect(queue.body).toContain('Blühwiese im Westpark');
    expect(queue.body).not.toContain('Radweg an der Ruhrallee');
    expect(queue.body).not.toContain('Trinkbrunnen am Markt');
    expect((await staff.get(`/verwaltung/ideen/${mine}`)).statusCode).toBe(200);
    expect((await staff.post(`/verwaltung/ideen/${mine}/status`, { to: 'reviewing', reason: '' })).statusCode).toBe(303);
    expect((await q.findIdea(t.db, t.org.id, mine))?.status).toBe('reviewing');
  });

  it('lets moderators work on every idea', async () => {
    const theirs = await idea('Sitzbänke am Hafen', other);
    expect((await moderator.get(`/verwaltung/ideen/${theirs}`)).statusCode).toBe(200);
    expect((await moderator.post(`/verwaltung/ideen/${theirs}/antwort`, { answer: 'Die Bänke kommen im Frühjahr.' })).statusCode).toBe(303);
    expect((await moderator.get('/verwaltung/ideen?auswahl=all')).body).toContain('Sitzbänke am Hafen');
  });
});
