import type { Db, Trx } from '../../platform/db/connect';
import { type Locale, translator } from '../../platform/i18n';
import type { ContributionsOnDeletion, Person, PersonalDataSource } from '../../platform/personal-data';
import { personalDataMessages as messages } from './personal-data.messages';
import * as q from './personal-data.queries';

async function exportFor(db: Db, person: Person) {
  const about = (locale: Locale) => translator(messages, locale)('export.feedback');
  return { json: [{ name: 'rueckmeldungen-barrierefreiheit.json', about, data: await q.feedbackFrom(db, person.organizationId, person.email) }] };
}

async function erase(trx: Trx, person: Person, mode: ContributionsOnDeletion) {
  const feedback = await q.forgetFeedbackAddress(trx, person.organizationId, person.email, mode === 'anonymise');
  return { storageKeys: [], counts: { accessibilityFeedback: feedback } };
}

/** The organizations module's part of a resident's data rights. */
export const organizationsPersonalData: PersonalDataSource = { name: 'organizations', exportFor, erase };
