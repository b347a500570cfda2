import type { ModulePart } from '../parts';

// The comments feature of the participation core: its routes, jobs, migrations and catalogues.
export const commentsPart: ModulePart = {};
