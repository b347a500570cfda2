import type { Db, Trx } from '../../../platform/db/connect';
import { type Locale, translator } from '../../../platform/i18n';
import type { Person, PersonalDataSource } from '../../../platform/personal-data';
import { membershipsOf } from './bodies.queries';
import { messages } from './messages';
import { forgetPerson, verificationOf } from './verification.queries';

// The eligibility feature's part of a resident's data rights: their verification (attributes only: no document was
// ever kept) and their body memberships. Erasure removes both, and forgets which letter code the account spent.

async function exportFor(db: Db, person: Person) {
  const t = (l: Locale) => translator(messages, l);
  const v = await verificationOf(db, person.organizationId, person.userId);
  const verification = v
    ? {
        district: v.district_name,
        bornFrom: v.born_from,
        bornTo: v.born_to,
        validUntil: v.valid_until,
        method: v.method,
        verifiedAt: new Date(v.verified_at).toISOString(),
      }
    : null;
  const memberships = (await membershipsOf(db, person.organizationId, person.userId)).map((m) => ({ body: m.body, since: new Date(m.added_at).toISOString() }));
  return {
    json: [
      { name: 'verifizierung.json', about: (l: Locale) => t(l)('export.verification'), data: verification },
      { name: 'gremien.json', about: (l: Locale) => t(l)('export.memberships'), data: memberships },
    ],
  };
}

async function erase(trx: Trx, person: Person) {
  return { storageKeys: [], counts: await forgetPerson(trx, person.organizationId, person.userId) };
}

export const eligibilityPersonalData: PersonalDataSource = { name: 'participation-eligibility', exportFor, erase };
