import { sql } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect';

// SQL of bodies (Jugendparlament, Seniorenbeirat …) and their members.

type Executor = Db | Trx;

export async function isBodyMember(db: Executor, organizationId: number, bodyId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('participation_body_members')
    .select('user_id')
    .where('organization_id', '=', organizationId)
    .where('body_id', '=', bodyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export function listBodies(db: Executor, organizationId: number) {
  return db
    .selectFrom('participation_bodies as b')
    .select([
      'b.id',
      'b.kind',
      'b.name',
      sql<number>`(SELECT count(*)::int FROM participation_body_members m WHERE m.organization_id = b.organization_id AND m.body_id = b.id)`.as('members'),
    ])
    .where('b.organization_id', '=', organizationId)
    .orderBy('b.name')
    .execute();
}

export function findBody(db: Executor, organizationId: number, bodyId: number) {
  return db
    .selectFrom('participation_bodies')
    .select(['id', 'kind', 'name'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', bodyId)
    .executeTakeFirst();
}

export function bodyByName(db: Executor, organizationId: number, name: string) {
  return db.selectFrom('participation_bodies').select('id').where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst();
}

export type BodyKind = 'youth_parliament' | 'seniors_council' | 'district_council' | 'other';

/** Creates a body unless the city has one of that name (the processes' seed may have made it first). */
export async function insertBody(db: Executor, organizationId: number, kind: BodyKind, name: string): Promise<number | undefined> {
  const row = await db
    .insertInto('participation_bodies')
    .values({ organization_id: organizationId, kind, name })
    .onConflict((oc) => oc.columns(['organization_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function renameBody(db: Executor, organizationId: number, bodyId: number, kind: BodyKind, name: string): Promise<boolean> {
  const r = await db
    .updateTable('participation_bodies')
    .set({ kind, name })
    .where('organization_id', '=', organizationId)
    .where('id', '=', bodyId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function bodyMembers(db: Executor, organizationId: number, bodyId: number) {
  return db
    .selectFrom('participation_body_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'm.user_id').onRef('u.organization_id', '=', 'm.organization_id'))
    .select(['u.id', 'u.email', 'u.display_name', 'm.added_at'])
    .where('m.organization_id', '=', organizationId)
    .where('m.body_id', '=', bodyId)
    .orderBy('u.email')
    .execute();
}

export async function addBodyMember(db: Executor, organizationId: number, bodyId: number, userId: number, addedBy: number | null): Promise<boolean> {
  const row = await db
    .insertInto('participation_body_members')
    .values({ organization_id: organizationId, body_id: bodyId, user_id: userId, added_by: addedBy })
    .onConflict((oc) => oc.columns(['body_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function removeBodyMember(db: Executor, organizationId: number, bodyId: number, userId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('participation_body_members')
    .where('organization_id', '=', organizationId)
    .where('body_id', '=', bodyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function membershipsOf(db: Executor, organizationId: number, userId: number) {
  return db
    .selectFrom('participation_body_members as m')
    .innerJoin('participation_bodies as b', (j) => j.onRef('b.id', '=', 'm.body_id').onRef('b.organization_id', '=', 'm.organization_id'))
    .select(['b.name as body', 'm.added_at'])
    .where('m.organization_id', '=', organizationId)
    .where('m.user_id', '=', userId)
    .orderBy('b.name')
    .execute();
}
