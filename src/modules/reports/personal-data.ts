import type { Db, Trx } from '../../platform/db/connect';
import { PHOTO_SIZES, type PhotoSize } from '../../platform/files/photos';
import { type Locale, translator } from '../../platform/i18n';
import type { ContributionsOnDeletion, Person, PersonalDataExport, PersonalDataSource } from '../../platform/personal-data';
import { forgetSurveyAddress, surveysTo } from '../../platform/surveys/survey.queries';
import { personalDataMessages as messages } from './personal-data.messages';
import * as q from './personal-data.queries';
import { photoKey } from './report.service';

// The reports module's part of a resident's data rights: their reports (with the public timeline and their photos),
// supports, follows and questionnaire answers; and what their account's deletion does to them.

const QUESTIONNAIRES = { table: 'report_questionnaires' };

const about = (key: keyof (typeof messages)['de']) => (locale: Locale) => translator(messages, locale)(key);

async function exportFor(db: Db, person: Person): Promise<PersonalDataExport> {
  const { organizationId, userId, email } = person;
  const reports = await q.reportsOfPerson(db, organizationId, userId, email);
  const ids = reports.map((r) => r.id);
  const [events, photos, supports, follows, questionnaires] = await Promise.all([
    q.publicEventsOf(db, organizationId, ids),
    q.photosOf(db, organizationId, ids),
    q.supportsOf(db, organizationId, userId),
    q.followsOf(db, organizationId, email),
    surveysTo(db, QUESTIONNAIRES, organizationId, email),
  ]);
  const files: Array<{ name: string; storageKey: string }> = [];
  const json = reports.map((r) => {
    const own = photos.filter((p) => p.report_id === r.id);
    return {
      ...r,
      timeline: events.filter((e) => e.report_id === r.id).map(({ report_id: _, ...e }) => e),
      photos: own.map((p, i) => {
        // Hidden photos are not shown to anyone outside the back office; the resident sees that one was hidden.
        const file = p.status === 'hidden' ? null : `meldung-${r.id}-${i + 1}.jpg`;
        if (file) files.push({ name: file, storageKey: photoKey(p.storage_key, 'large') });
        return { file, status: p.status, width: p.width, height: p.height, blurred_copy: p.redacted_from !== null, created_at: p.created_at };
      }),
    };
  });
  return {
    json: [
      { name: 'meldungen.json', about: about('export.reports'), data: json },
      { name: 'unterstuetzungen.json', about: about('export.supports'), data: supports },
      { name: 'abonnements.json', about: about('export.follows'), data: follows },
      { name: 'rueckfragen-meldungen.json', about: about('export.questionnaires'), data: questionnaires },
    ],
    folders: [{ folder: 'fotos', about: about('export.photos'), files }],
  };
}

const fileKeys = (bases: string[]) => bases.flatMap((base) => (Object.keys(PHOTO_SIZES) as PhotoSize[]).map((size) => photoKey(base, size)));

/**
 * Reports never confirmed were never public: they go with their photos. The others stay as public contributions
 * without name, address, phone and account (anonymise), or go too (remove). Photos that were never approved are
 * private and go in both cases. Supports stay counted without the account (or are taken back), follows and open
 * questionnaires end.
 */
async function erase(trx: Trx, person: Person, mode: ContributionsOnDeletion) {
  const { organizationId, userId, email } = person;
  const reports = await q.reportsOfPerson(trx, organizationId, userId, email);
  const removed = reports.filter((r) => mode === 'remove' || r.status === 'unconfirmed').map((r) => r.id);
  const kept = reports.filter((r) => !removed.includes(r.id)).map((r) => r.id);
  const bases = await q.deleteReports(trx, organizationId, removed);
  bases.push(...(await q.deletePrivatePhotos(trx, organizationId, kept)));
  await q.anonymiseReports(trx, organizationId, kept);
  const supports = mode === 'remove' ? await q.removeSupports(trx, organizationId, userId) : await q.anonymiseSupports(trx, organizationId, userId);
  const follows = await q.forgetFollows(trx, organizationId, email);
  const questionnaires = await forgetSurveyAddress(trx, QUESTIONNAIRES, organizationId, email, mode === 'anonymise');
  return {
    storageKeys: fileKeys(bases),
    counts: { reportsRemoved: removed.length, reportsAnonymised: kept.length, photosRemoved: bases.length, supports, follows, questionnaires },
  };
}

export const reportsPersonalData: PersonalDataSource = { name: 'reports', exportFor, erase };
