import type { Db } from '../platform/db/connect';
import type { ParticipationSeed } from './participation-seed';

/** Demo data of this feature (issue 16); called by seedDemo after the reports. */
export async function seedIdeas(_db: Db, _seed: ParticipationSeed): Promise<void> {}
