import { type Static, Type } from 'typebox';
import { Id } from '../../platform/http/schemas';
import { LIMITS, PUBLIC_STATUSES, TOPICS } from './idea';
import type { IdeaFilter, IdeaSort } from './ideas.queries';

/** The list's query (the same for the page, its map and the open data): every value bounded. */
export const IdeaListQuery = Type.Object({
  suche: Type.Optional(Type.String({ maxLength: LIMITS.searchMax })),
  thema: Type.Optional(Type.Union([Type.Literal(''), ...TOPICS.map((t) => Type.Literal(t))])),
  bezirk: Type.Optional(Type.Union([Type.Literal(''), Id])),
  stand: Type.Optional(Type.Union([Type.Literal(''), ...PUBLIC_STATUSES.map((s) => Type.Literal(s))])),
  sortierung: Type.Optional(Type.Union([Type.Literal('supported'), Type.Literal('newest'), Type.Literal('due')])),
  darstellung: Type.Optional(Type.Literal('karte')),
  weiter: Type.Optional(Type.String({ pattern: '^\\d{1,15}\\.\\d{1,10}$', description: 'Keyset cursor: the last row of the previous page' })),
});
export type IdeaListQuery = Static<typeof IdeaListQuery>;

export function listFilter(query: IdeaListQuery): IdeaFilter {
  const sort: IdeaSort = query.sortierung ?? 'supported';
  const [value, id] = (query.weiter ?? '').split('.').map(Number);
  return {
    search: query.suche?.trim() || undefined,
    topic: query.thema || undefined,
    districtId: query.bezirk === '' ? undefined : query.bezirk,
    status: query.stand || undefined,
    sort,
    after: query.weiter && id ? { value: value ?? 0, id } : undefined,
  };
}

/** The cursor of a page's last row, for the "more" link. */
export function cursorOf(sort: IdeaSort, row: { id: number; supporters_count: number; answer_due_at: Date | null }): string {
  const value = sort === 'supported' ? row.supporters_count : sort === 'due' ? new Date(row.answer_due_at ?? 0).getTime() : 0;
  return `${value}.${row.id}`;
}
