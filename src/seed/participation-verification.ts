import { DEMO_LETTER_CODE, issueCodes } from '../modules/participation';
import type { Db } from '../platform/db/connect';
import { YOUTH_VOTE_DAY } from './participation-processes';
import type { ParticipationSeed } from './participation-seed';

// The demo city's verification data (issue 16): its two bodies, and letter codes whose plain codes exist nowhere
// but for one: DEMO_LETTER_CODE, which the README names so a newcomer can verify an account (resident of Dortmund,
// 18 and older, valid for a year). The others are random and only their hashes are stored, as in a real city.

const BODIES = [
  { name: 'Jugendparlament Dortmund', kind: 'youth_parliament' },
  { name: 'Seniorenbeirat Dortmund', kind: 'seniors_council' },
] as const;

function randomCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const raw = Array.from(crypto.getRandomValues(new Uint32Array(16)), (n) => alphabet[n % alphabet.length]).join('');
  return raw.match(/.{4}/g)!.join('-');
}

/** Demo data of this feature (issue 16); called by seedDemo before the processes and ideas. */
export async function seedVerification(db: Db, seed: ParticipationSeed): Promise<void> {
  for (const body of BODIES) {
    // The processes' seed may create them too: whoever comes first.
    await db
      .insertInto('participation_bodies')
      .values({ organization_id: seed.organizationId, ...body })
      .onConflict((oc) => oc.columns(['organization_id', 'name']).doNothing())
      .execute();
  }
  const now = new Date(seed.now);
  const inAYear = new Date(seed.now + 365 * 86_400_000).toISOString().slice(0, 10);
  const adults = Array.from({ length: 49 }, randomCode);
  await issueCodes(
    db,
    seed.organizationId,
    { districtId: null, ageMin: 18, ageMax: null, validUntil: inAYear },
    [DEMO_LETTER_CODE, ...adults],
    seed.adminId,
    now,
    null,
  );
  // Letters to the young people of one Stadtbezirk, for the youth parliament's processes.
  const youth = Array.from({ length: 30 }, randomCode);
  const district = seed.districtIds[0] ?? null;
  // The age band holds on the Jugendbudget vote's reference date, as staff are told to issue them: "14 bis 17 Jahre
  // am <Stichtag>" then matches the vote's rule "14 bis 21 Jahre am <Stichtag>".
  const berlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
  const ageOn = berlin.format(new Date(seed.now + YOUTH_VOTE_DAY * 86_400_000));
  await issueCodes(db, seed.organizationId, { districtId: district, ageMin: 14, ageMax: 17, ageOn, validUntil: inAYear }, youth, seed.adminId, now, null);
}
