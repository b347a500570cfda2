import type { ModulePart } from '../parts';

// The processes feature of the participation core: its routes, jobs, migrations and catalogues.
export const processesPart: ModulePart = {};
