// Filled in by the platform foundation: builds a migrated database snapshot once per run.
export default async function setup(): Promise<void> {}
