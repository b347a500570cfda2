// Kysely's view of the ideas tables (src/db-schema.ts joins them into Database).
// biome-ignore lint/suspicious/noEmptyInterface: filled when the module's migration lands.
export interface IdeaTables {}
