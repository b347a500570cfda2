import type { ModulePart } from '../parts';

// The eligibility feature of the participation core: its routes, jobs, migrations and catalogues.
export const eligibilityPart: ModulePart = {};
