import type { Trx } from '../../../platform/db/connect';

// MINIMAL CALL SITE (issue 16): the participation core's `recordItemEvent(trx, organizationId, kind, id, event)`
// (followers' digest) was not exported from src/modules/participation when this was written. Every staff action
// calls this inside its transaction; once the core exports it, replace the body with
// `return recordItemEvent(trx, organizationId, 'idea', ideaId, event)`.
export async function itemEvent(_trx: Trx, _organizationId: number, _ideaId: number, _event: string): Promise<void> {}
