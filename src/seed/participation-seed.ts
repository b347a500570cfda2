import type { FileStorage } from '../platform/files/storage';
import type { Area } from '../platform/geo/geojson';

/** What the demo's participation data (processes, verification, ideas) is built from. */
export interface ParticipationSeed {
  organizationId: number;
  adminId: number;
  /** The Stadtbezirke in STADTBEZIRKE order. */
  districtIds: number[];
  /** Department ids by name (DEMO_DEPARTMENTS). */
  departments: Map<string, number>;
  boundary: Area;
  storage: FileStorage | null;
  now: number;
}
