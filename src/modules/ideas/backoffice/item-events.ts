import type { Trx } from '../../../platform/db/connect';
import { recordItemEvent } from '../../participation';

// News for the idea's followers (the core's digest mail), recorded in the transaction of the staff action.
export function itemEvent(
  trx: Trx,
  organizationId: number,
  ideaId: number,
  type: string,
  data: Record<string, string | number | null> = {},
  actorUserId: number | null = null,
) {
  return recordItemEvent(trx, organizationId, 'idea', ideaId, { type, data }, actorUserId);
}
