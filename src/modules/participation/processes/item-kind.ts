import type { ParticipationItem, ParticipationItemKind } from '../comments/item-kind';
import { findPublicProcess, type PublicProcess } from './process.service';

// A process is a participation item: residents comment on it and follow it (the comments feature keeps both by
// ('process', id)). Comments are open while the current phase offers them, under the process's comment rule.

export function processItem(p: PublicProcess): ParticipationItem {
  return {
    title: p.process.title,
    path: `/beteiligung/${p.process.id}`,
    commentRule: p.process.rules?.comment ?? { who: 'signed_in' },
    commentsOpen: p.current?.kinds.includes('comments') ?? false,
    departmentId: p.process.department_id,
  };
}

export const processItemKind: ParticipationItemKind = {
  kind: 'process',
  async find(db, organizationId, id) {
    const p = await findPublicProcess(db, organizationId, id);
    return p ? processItem(p) : null;
  },
};
