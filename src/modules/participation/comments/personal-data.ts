import type { Db, Trx } from '../../../platform/db/connect';
import { type Locale, translator } from '../../../platform/i18n';
import type { ContributionsOnDeletion, Person, PersonalDataExport, PersonalDataSource } from '../../../platform/personal-data';
import { commentMessages } from './messages';
import * as q from './personal-data.queries';

// The comments feature's part of a resident's data rights: their comments, flags and follows; and what deleting
// their account does (comments stay as "Anwohner*in" or lose their text, as DELETED_ACCOUNT_CONTRIBUTIONS says).

const about = (key: 'export.comments' | 'export.flags' | 'export.follows') => (locale: Locale) => translator(commentMessages, locale)(key);

async function exportFor(db: Db, person: Person): Promise<PersonalDataExport> {
  const { organizationId, userId } = person;
  const [comments, flags, follows] = await Promise.all([
    q.commentsOf(db, organizationId, userId),
    q.flagsOf(db, organizationId, userId),
    q.followsOf(db, organizationId, userId),
  ]);
  return {
    json: [
      { name: 'beteiligung-kommentare.json', about: about('export.comments'), data: comments },
      { name: 'beteiligung-meldungen-an-moderation.json', about: about('export.flags'), data: flags },
      { name: 'beteiligung-verfolgt.json', about: about('export.follows'), data: follows },
    ],
  };
}

async function erase(trx: Trx, person: Person, mode: ContributionsOnDeletion) {
  const { organizationId, userId } = person;
  const comments = mode === 'remove' ? await q.removeComments(trx, organizationId, userId) : await q.anonymiseComments(trx, organizationId, userId);
  const { flags, follows } = await q.forgetParticipant(trx, organizationId, userId);
  return { storageKeys: [], counts: { participation_comments: comments, participation_flags: flags, participation_follows: follows } };
}

export const commentsPersonalData: PersonalDataSource = { name: 'participation-comments', exportFor, erase };
