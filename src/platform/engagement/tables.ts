// What a participation feature keeps, described by its table and column names, so that reports, ideas and
// whatever comes next share one tested piece of SQL for "me too" and for following. Every table has
// `organization_id` (the city); the counted table's key is `id`.

/**
 * Supporters: one row per person and subject, made unique by a constraint on (subject, key), and a counter on
 * the subject's own row that moves in the same transaction as the insert.
 */
export interface SupporterTable {
  table: string;
  /** The supported thing's id column, e.g. report_id. */
  subject: string;
  /** Who supports, as a stable key (e.g. `u:<user id>`): the unique constraint is on (subject, key). */
  key: string;
  /** The signed-in person's id, when there is one. */
  user: string;
  /**
   * The subject's table and its counter column; `owner`, when given, is the column of the subject's author (a
   * user id), who may not support their own subject: the count says how many *others* share the concern.
   */
  counted: { table: string; count: string; owner?: string };
}

/**
 * Followers: one row per e-mail address and subject (unique on (subject, email)), each with the hash of a random
 * token that stands for the follower in unsubscribe links (unsubscribe.ts).
 */
export interface FollowerTable {
  table: string;
  subject: string;
  email: string;
  tokenHash: string;
}

type Table<DB> = keyof DB & string;
type Column<DB, T extends Table<DB>> = keyof DB[T] & string;

/** A supporter table checked against the schema: `supporterTable<Database>()({ table: 'report_supporters', … })`. */
export function supporterTable<DB>() {
  return <T extends Table<DB>, C extends Table<DB>>(spec: {
    table: T;
    subject: Column<DB, T>;
    key: Column<DB, T>;
    user: Column<DB, T>;
    counted: { table: C; count: Column<DB, C>; owner?: Column<DB, C> };
  }): SupporterTable => spec;
}

/** A follower table checked against the schema. */
export function followerTable<DB>() {
  return <T extends Table<DB>>(spec: { table: T; subject: Column<DB, T>; email: Column<DB, T>; tokenHash: Column<DB, T> }): FollowerTable => spec;
}
