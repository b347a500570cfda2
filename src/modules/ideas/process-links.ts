import type { Db } from '../../platform/db/connect';

// The optional link of an idea to a participation process (issue 16).
// MINIMAL CALL SITE: `listOpenProcessesForSelect(db, organizationId)` was not exported from
// src/modules/participation when this was written; until it is, the form offers no process (the field is left out
// when the list is empty) and a posted process id is refused. Return its result here once the core exports it.
export async function openProcesses(_db: Db, _organizationId: number): Promise<Array<{ id: number; title: string }>> {
  return [];
}
