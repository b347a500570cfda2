import { insertIdea } from '../../../src/modules/ideas/ideas.queries';
import { issueCodes } from '../../../src/modules/participation';
import { createProcess } from '../../../src/modules/participation/processes/process.test-support';
import type { Db } from '../../../src/platform/db/connect';
import { unsubscribeToken } from '../../../src/platform/engagement/unsubscribe';
import type { FileStorage } from '../../../src/platform/files/storage';
import { hashToken, randomToken } from '../../../src/platform/security/tokens';

// The participation core's part of the fuzzer's world (issue 16): a body with the resident as member, a batch of
// letter codes, a process of the first department with a phase open for comments and a PDF, comments with a reply
// and a flag, and follows whose unsubscribe links the fuzzer spends.

export interface ParticipationWorld {
  ids: {
    body: number[];
    codeBatch: number[];
    process: number[];
    phase: number[];
    processDocument: number[];
    comment: number[];
    idea: number[];
    ideaPhoto: number[];
  };
  unsubscribe: string[];
}

export async function seedParticipation(
  db: Db,
  storage: FileStorage,
  secret: string,
  org: number,
  who: { admin: number; resident: number; followers: number[]; departmentId: number; districtId: number },
): Promise<ParticipationWorld> {
  const body = await db
    .insertInto('participation_bodies')
    .values({ organization_id: org, kind: 'youth_parliament', name: 'Fuzz-Gremium' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('participation_body_members').values({ organization_id: org, body_id: body.id, user_id: who.resident, added_by: who.admin }).execute();
  const { batchId } = await issueCodes(
    db,
    org,
    { districtId: null, ageMin: 18, ageMax: null, validUntil: '2099-12-31' },
    ['FUZZ-2345-6789-ABCD'],
    null,
    new Date(),
    null,
  );

  const processId = await createProcess(db, org, {
    title: 'Fuzz-Verfahren',
    departmentId: who.departmentId,
    districtIds: [who.districtId],
    phases: [{ title: 'Jetzt', from: -1, to: 5, kinds: ['comments', 'vote'] }],
  });
  const phase = await db.selectFrom('participation_phases').select('id').where('process_id', '=', processId).executeTakeFirstOrThrow();
  await storage.put('participation/fuzz/plan.pdf', Buffer.from('%PDF-1.4\n'));
  const document = await db
    .insertInto('participation_process_documents')
    .values({ organization_id: org, process_id: processId, title: 'Plan', storage_key: 'participation/fuzz/plan.pdf', size_bytes: 9 })
    .returning('id')
    .executeTakeFirstOrThrow();

  const ideas: number[] = [];
  for (const [i, status] of (['submitted', 'reviewing', 'accepted', 'submitted'] as const).entries()) {
    ideas.push(
      await db.transaction().execute((trx) =>
        insertIdea(trx, {
          organizationId: org,
          title: `Fuzz-Idee ${i}: Trinkbrunnen ‹${status}›`,
          description: 'Ein Trinkbrunnen am Markt wäre im Sommer gut.',
          topic: 'gruen',
          districtId: who.districtId,
          lat: 51.5,
          lon: 7.45,
          authorUserId: i === 0 ? who.resident : who.admin,
          processId: i === 2 ? processId : null,
          departmentId: who.departmentId,
          status,
        }),
      ),
    );
  }

  const photo = await db
    .insertInto('idea_photos')
    .values({ organization_id: org, idea_id: ideas[0]!, storage_key: 'ideas/fuzz', width: 10, height: 10 })
    .returning('id')
    .executeTakeFirstOrThrow();

  const comment = (values: { parent_id?: number; author_id: number; body: string; official?: boolean }) =>
    db
      .insertInto('participation_comments')
      .values({ organization_id: org, item_kind: 'process', item_id: processId, ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
  const first = await comment({ author_id: who.resident, body: 'Ein Radweg wäre gut ‹fuzz›' });
  const reply = await comment({ parent_id: first.id, author_id: who.admin, body: 'Danke, wir prüfen das.', official: true });
  await db.insertInto('participation_comment_flags').values({ organization_id: org, comment_id: first.id, user_id: who.admin, reason: 'Test' }).execute();
  // One the resident may still edit (no flag, within 15 minutes), and one the moderation hid (to show again).
  const editable = await comment({ author_id: who.resident, body: 'Noch zu bearbeiten' });
  const hidden = await comment({ author_id: who.resident, body: 'Ausgeblendet' });
  await db
    .updateTable('participation_comments')
    .set({ hidden_at: new Date(), hidden_reason: 'Beleidigend', hidden_by: who.admin })
    .where('id', '=', hidden.id)
    .execute();
  // The resident supports an idea of someone else's, so the page offers to withdraw the support.
  await db
    .insertInto('idea_supporters')
    .values({ organization_id: org, idea_id: ideas[1]!, supporter_key: `u:${who.resident}`, user_id: who.resident })
    .execute();
  await db.updateTable('ideas').set({ supporters_count: 1 }).where('id', '=', ideas[1]!).execute();

  const unsubscribe: string[] = [];
  for (const user of who.followers) {
    const hash = hashToken(randomToken());
    await db
      .insertInto('participation_follows')
      .values({ organization_id: org, item_kind: 'process', item_id: processId, user_id: user, unsubscribe_token_hash: hash })
      .execute();
    unsubscribe.push(unsubscribeToken(secret, hash));
  }
  return {
    ids: {
      body: [body.id],
      codeBatch: [batchId],
      process: [processId],
      phase: [phase.id],
      processDocument: [document.id],
      comment: [first.id, reply.id, editable.id, hidden.id],
      idea: ideas,
      ideaPhoto: [photo.id],
    },
    unsubscribe,
  };
}
