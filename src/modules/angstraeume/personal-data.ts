import type { Db, Trx } from '../../platform/db/connect';
import { type Locale, translator } from '../../platform/i18n';
import type { ContributionsOnDeletion, Person, PersonalDataSource } from '../../platform/personal-data';
import { forgetSurveyAddress, surveysTo } from '../../platform/surveys/survey.queries';
import { personalDataMessages as messages } from './personal-data.messages';
import * as q from './personal-data.queries';

// The Angsträume module's part of a resident's data rights (the places themselves are reports: the reports module's part).

const QUESTIONNAIRES = { table: 'angstraum_questionnaires' };

async function exportFor(db: Db, person: Person) {
  const t = (locale: Locale) => translator(messages, locale);
  return {
    json: [
      { name: 'bewertungen-angstraeume.json', about: (l: Locale) => t(l)('export.ratings'), data: await q.ratingsOf(db, person.organizationId, person.userId) },
      {
        name: 'rueckfragen-angstraeume.json',
        about: (l: Locale) => t(l)('export.questionnaires'),
        data: await surveysTo(db, QUESTIONNAIRES, person.organizationId, person.email),
      },
    ],
  };
}

async function erase(trx: Trx, person: Person, mode: ContributionsOnDeletion) {
  const keep = mode === 'anonymise';
  const ratings = await q.forgetRatings(trx, person.organizationId, person.userId, keep);
  const questionnaires = await forgetSurveyAddress(trx, QUESTIONNAIRES, person.organizationId, person.email, keep);
  return { storageKeys: [], counts: { ratings, safetyQuestionnaires: questionnaires } };
}

export const angstraeumePersonalData: PersonalDataSource = { name: 'angstraeume', exportFor, erase };
