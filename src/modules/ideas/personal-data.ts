import type { Db, Trx } from '../../platform/db/connect';
import { PHOTO_SIZES, type PhotoSize } from '../../platform/files/photos';
import { type Locale, translator } from '../../platform/i18n';
import type { ContributionsOnDeletion, Person, PersonalDataExport, PersonalDataSource } from '../../platform/personal-data';
import { photoKey } from './idea.service';
import { personalDataMessages as messages, type PersonalDataKey } from './personal-data.messages';
import * as q from './personal-data.queries';

// The ideas module's part of a resident's data rights: the ideas they submitted (with public history and photos)
// and the ideas they support; and what deleting their account does to them (DELETED_ACCOUNT_CONTRIBUTIONS).
// Their comments and follows on ideas are the participation core's part.

const about = (key: PersonalDataKey) => (locale: Locale) => translator(messages, locale)(key);

async function exportFor(db: Db, person: Person): Promise<PersonalDataExport> {
  const { organizationId, userId } = person;
  const ideas = await q.ideasOf(db, organizationId, userId);
  const ids = ideas.map((i) => i.id);
  const [events, photos, supports] = await Promise.all([
    q.eventsOf(db, organizationId, ids),
    q.photosOf(db, organizationId, ids),
    q.supportsOf(db, organizationId, userId),
  ]);
  const files: Array<{ name: string; storageKey: string }> = [];
  const json = ideas.map((idea) => ({
    ...idea,
    history: events.filter((e) => e.idea_id === idea.id).map(({ idea_id: _, ...e }) => e),
    photos: photos
      .filter((p) => p.idea_id === idea.id)
      .map((p, i) => {
        const file = `idee-${idea.id}-${i + 1}.jpg`;
        files.push({ name: file, storageKey: photoKey(p.storage_key, 'large') });
        return { file, width: p.width, height: p.height };
      }),
  }));
  return {
    json: [
      { name: 'ideen.json', about: about('export.ideas'), data: json },
      { name: 'ideen-unterstuetzungen.json', about: about('export.supports'), data: supports },
    ],
    folders: [{ folder: 'ideen-fotos', about: about('export.photos'), files }],
  };
}

const fileKeys = (bases: string[]) => bases.flatMap((base) => (Object.keys(PHOTO_SIZES) as PhotoSize[]).map((size) => photoKey(base, size)));

/**
 * anonymise: the ideas stay without their author, supports stay counted under a random key. remove: the ideas go
 * with their photos, and the supports go with one less on each idea's counter, in this transaction.
 */
async function erase(trx: Trx, person: Person, mode: ContributionsOnDeletion) {
  const { organizationId, userId } = person;
  const supports = mode === 'remove' ? await q.removeSupports(trx, organizationId, userId) : await q.anonymiseSupports(trx, organizationId, userId);
  await q.forgetActor(trx, organizationId, userId);
  if (mode === 'anonymise') {
    const ideasAnonymised = await q.anonymiseIdeas(trx, organizationId, userId);
    return { storageKeys: [], counts: { ideasAnonymised, ideasRemoved: 0, ideaPhotosRemoved: 0, ideaSupports: supports } };
  }
  const ids = (await q.ideasOf(trx, organizationId, userId)).map((i) => i.id);
  const bases = await q.deleteIdeas(trx, organizationId, ids);
  return { storageKeys: fileKeys(bases), counts: { ideasAnonymised: 0, ideasRemoved: ids.length, ideaPhotosRemoved: bases.length, ideaSupports: supports } };
}

export const ideasPersonalData: PersonalDataSource = { name: 'ideas', exportFor, erase };
