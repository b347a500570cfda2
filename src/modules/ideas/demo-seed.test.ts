import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database';
import type { DatabaseHandle } from '../../platform/db/connect';
import { seedDemo } from '../../seed/demo';
import { isOverdue } from './idea';

// The demo's ideas (src/seed/ideas.ts): every state, supports counted, one answered in time, one overdue.

const NOW = Date.parse('2026-03-15T10:00:00Z');
let h: DatabaseHandle;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h.db, new URL('http://localhost'), 'a'.repeat(40), { now: NOW });
});
afterAll(() => h?.close());

describe('demo ideas', () => {
  it('hold 15 to 25 ideas in every state with consistent support counts', async () => {
    const ideas = await h.db.selectFrom('ideas').selectAll().execute();
    expect(ideas.length).toBeGreaterThanOrEqual(15);
    expect(ideas.length).toBeLessThanOrEqual(25);
    expect(new Set(ideas.map((i) => i.status))).toEqual(new Set(['submitted', 'reviewing', 'accepted', 'implemented', 'rejected', 'merged']));
    for (const idea of ideas) {
      const n = await h.db
        .selectFrom('idea_supporters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('idea_id', '=', idea.id)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(idea.supporters_count);
      if (idea.author_user_id)
        expect(
          await h.db.selectFrom('idea_supporters').select('idea_id').where('idea_id', '=', idea.id).where('user_id', '=', idea.author_user_id).execute(),
        ).toHaveLength(0);
    }
    const now = new Date(NOW);
    expect(ideas.some((i) => i.answered_at && i.answer_due_at && i.answered_at < i.answer_due_at)).toBe(true);
    expect(ideas.some((i) => isOverdue(i, now))).toBe(true);
    expect(ideas.filter((i) => i.lat !== null).length).toBeGreaterThan(8);
  });

  it('carry comments, a reply and one official answer, each with its item event', async () => {
    const comments = await h.db.selectFrom('participation_comments').selectAll().where('item_kind', '=', 'idea').execute();
    expect(comments.length).toBeGreaterThanOrEqual(6);
    expect(comments.filter((c) => c.official)).toHaveLength(1);
    expect(comments.some((c) => c.parent_id !== null)).toBe(true);
    const events = await h.db.selectFrom('participation_item_events').selectAll().where('item_kind', '=', 'idea').where('event_type', '=', 'comment').execute();
    for (const c of comments) {
      expect(events.filter((e) => e.item_id === c.item_id && (e.data as { commentId?: number }).commentId === c.id)).toHaveLength(1);
      const idea = await h.db.selectFrom('ideas').select('created_at').where('id', '=', c.item_id).executeTakeFirstOrThrow();
      expect(c.created_at.getTime()).toBeGreaterThan(idea.created_at.getTime());
    }
  });
});
