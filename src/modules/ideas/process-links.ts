import type { Db } from '../../platform/db/connect';
import { findPublicProcess, listOpenProcessesForSelect } from '../participation';

// The optional link of an idea to a participation process (the core's processes).

/** The processes an idea may be linked to now; a posted id outside this list is refused. */
export function openProcesses(db: Db, organizationId: number): Promise<Array<{ id: number; title: string }>> {
  return listOpenProcessesForSelect(db, organizationId);
}

/** The linked process for the idea's page, while it is published. */
export async function processLink(db: Db, organizationId: number, processId: number | null): Promise<{ href: string; title: string } | null> {
  if (processId === null) return null;
  const found = await findPublicProcess(db, organizationId, processId);
  return found ? { href: `/beteiligung/${found.process.id}`, title: found.process.title } : null;
}
