import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database';
import { createDepartment, createOrganization } from '../../test/helpers/factories';
import { listCards } from '../modules/participation/processes/list-cards';
import { createStadtbezirk } from '../modules/participation/processes/process.test-support';
import type { DatabaseHandle } from '../platform/db/connect';
import { seedProcesses } from './participation-processes';

const NOW = Date.parse('2026-03-15T10:00:00Z');
let handle: DatabaseHandle;
let orgId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  const org = await createOrganization(handle.db);
  orgId = org.id;
  const districtIds: number[] = [];
  for (const name of ['Innenstadt-West', 'Innenstadt-Nord', 'Innenstadt-Ost', 'Eving', 'Scharnhorst', 'Brackel', 'Aplerbeck', 'Hörde', 'Hombruch']) {
    districtIds.push(await createStadtbezirk(handle.db, org.id, name));
  }
  const departments = new Map<string, number>();
  for (const name of ['Tiefbauamt', 'Grünflächenamt', 'Stadtplanungs- und Bauordnungsamt'])
    departments.set(name, (await createDepartment(handle.db, org.id, name)).id);
  // The verification seed may have made one body already: the process seed must not trip over it.
  await handle.db.insertInto('participation_bodies').values({ organization_id: org.id, kind: 'youth_parliament', name: 'Jugendparlament Dortmund' }).execute();
  await seedProcesses(handle.db, {
    organizationId: org.id,
    adminId: 0,
    districtIds,
    departments,
    boundary: { polygons: [] } as never,
    storage: null,
    now: NOW,
  });
});
afterAll(async () => {
  await handle?.close();
});

describe('demo processes', () => {
  it('are in every state around the seed’s day, with a youth vote running, and a draft nobody sees', async () => {
    const at = new Date(NOW);
    const of = async (state: 'current' | 'upcoming' | 'finished') =>
      (await listCards(handle.db, orgId, 'de', { state, limit: 20, offset: 0 }, at)).cards.map((c) => c.title);
    const current = await of('current');
    expect(current).toHaveLength(3);
    expect(current.some((t) => t.startsWith('Jugendbudget'))).toBe(true);
    expect(await of('upcoming')).toEqual(['Neugestaltung des Nordmarkts']);
    expect(await of('finished')).toEqual(['Schattenplätze in Hörde: Klimaanpassung im Quartier']);
    const all = await handle.db.selectFrom('participation_processes').select(['title', 'published']).execute();
    expect(all.filter((p) => !p.published).map((p) => p.title)).toEqual(['Entwurf: Sportstätten-Entwicklungsplan']);
    const bodies = await handle.db.selectFrom('participation_bodies').select('name').where('organization_id', '=', orgId).orderBy('name').execute();
    expect(bodies.map((b) => b.name)).toEqual(['Jugendparlament Dortmund', 'Seniorenbeirat Dortmund']);
  });
});
