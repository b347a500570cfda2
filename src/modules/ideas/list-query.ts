import { type Static, Type } from 'typebox';
import { LIMITS, PUBLIC_STATUSES, TOPICS } from './idea';
import type { IdeaFilter, IdeaSort } from './ideas.queries';

/** An id from a select whose first option is '' (all): 1 to 2,147,483,647, or empty. */
export const OptionalId = Type.String({
  pattern:
    '^(|[1-9][0-9]{0,8}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])$',
});

/** The list's query (the same for the page, its map and the open data): every value bounded. */
export const IdeaListQuery = Type.Object({
  suche: Type.Optional(Type.String({ maxLength: LIMITS.searchMax })),
  thema: Type.Optional(Type.Union([Type.Literal(''), ...TOPICS.map((t) => Type.Literal(t))])),
  // '' is the filter form's "Alle"; a district id otherwise (a string: query values are checked, not coerced).
  bezirk: Type.Optional(OptionalId),
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
    districtId: query.bezirk ? Number(query.bezirk) : undefined,
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
