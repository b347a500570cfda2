import type { Db } from '../../platform/db/connect';
import * as q from './ideas.queries';

// An idea written straight to the database for tests that are about something else than submitting (synthetic data).

export function insertTestIdea(db: Db, organizationId: number, authorUserId: number | null, overrides: Partial<Parameters<typeof q.insertIdea>[1]> = {}) {
  return db.transaction().execute((trx) =>
    q.insertIdea(trx, {
      organizationId,
      title: 'Mehr Bänke am Phoenix-See',
      description: 'Am Ufer fehlen Sitzgelegenheiten für ältere Menschen.',
      topic: 'gruen',
      districtId: null,
      lat: null,
      lon: null,
      authorUserId,
      processId: null,
      ...overrides,
    }),
  );
}
