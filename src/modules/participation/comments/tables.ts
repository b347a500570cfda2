// Kysely's view of this feature's tables (src/db-schema.ts joins them into Database).
// biome-ignore lint/suspicious/noEmptyInterface: filled when the feature's migration lands.
export interface CommentTables {}
