import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createStaffAccount } from '../modules/accounts';
import { findOrganizationBySlug, importDistricts, insertDepartment, insertOrganization } from '../modules/organizations';
import type { Db } from '../platform/db/connect';
import { type FileStorage, localStorage } from '../platform/files/storage';
import { readArea } from '../platform/geo/geojson';
import { DEMO_CATEGORIES } from './categories';
import { seedDemoReports } from './demo-reports';
import { APPROXIMATION_SUFFIX, approximateStadtbezirke, DEMO_DISTRICT_SOURCE, STADTBEZIRKE } from './districts';
import { seedIdeas } from './ideas';
import { seedProcesses } from './participation-processes';
import { seedVerification } from './participation-verification';

export const SEED_DIR = path.resolve(import.meta.dirname, '../../seed');

export const DEMO_DEPARTMENTS = [
  ['Tiefbauamt', 'tiefbauamt@dortmund.example'],
  ['Grünflächenamt', 'gruenflaechenamt@dortmund.example'],
  ['Ordnungsamt', 'ordnungsamt@dortmund.example'],
  ['EDG Entsorgung Dortmund', 'service@edg.example'],
  ['Wohnungsaufsicht', 'wohnungsaufsicht@dortmund.example'],
  ['Stadtplanungs- und Bauordnungsamt', 'stadtplanung@dortmund.example'],
] as const;

export const DEMO_ADMIN = 'admin@dortmund.example';

export interface SeedResult {
  created: boolean;
  adminSetupUrl: string | null;
}

export interface SeedOptions {
  /** Where demo photos go (the app's file storage); without it (or dataDir) the demo has no photos. */
  storage?: FileStorage;
  /** The app's DATA_DIR: photos go to its files/ folder, where the app's local storage reads them. */
  dataDir?: string;
  /** "Now" for the demo's timelines; tests pin it. */
  now?: number;
}

/**
 * Creates "Stadt Dortmund" with its real boundary, approximate Stadtbezirke, departments, categories, a demo
 * admin and about 300 demo reports. Does nothing if the city exists.
 */
export async function seedDemo(db: Db, publicUrl: URL, secret: string, options: SeedOptions = {}): Promise<SeedResult> {
  if (await findOrganizationBySlug(db, 'dortmund')) return { created: false, adminSetupUrl: null };
  const org = await insertOrganization(db, {
    slug: 'dortmund',
    name: 'Stadt Dortmund',
    hosts: ['localhost', '127.0.0.1', '[::1]', '::1'],
    contact_email: 'buergerdienste@dortmund.example',
  });
  const boundary = JSON.parse(readFileSync(path.join(SEED_DIR, 'dortmund/dortmund-stadtgrenze.geojson'), 'utf8'));
  await importDistricts(db, org.id, boundary, { kind: 'stadtgrenze', source: 'BKG VG250 2017 (GeoNutzV), seed/dortmund' });
  const boundaryArea = readArea(boundary.features[0].geometry);
  await importDistricts(db, org.id, approximateStadtbezirke(boundaryArea), { kind: 'stadtbezirk', source: DEMO_DISTRICT_SOURCE });
  const districtRows = await db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where('organization_id', '=', org.id)
    .where('kind', '=', 'stadtbezirk')
    .execute();
  const districtIds = STADTBEZIRKE.map((d) => districtRows.find((r) => r.name === `${d.name}${APPROXIMATION_SUFFIX}`)!.id);
  const departments = new Map<string, number>();
  for (const [name, email] of DEMO_DEPARTMENTS) departments.set(name, (await insertDepartment(db, org.id, { name, email })).id);
  for (const [sort, c] of DEMO_CATEGORIES.entries()) {
    const category = await db
      .insertInto('report_categories')
      .values({
        organization_id: org.id,
        code: c.code,
        kind: c.kind,
        name_de: c.de,
        name_en: c.en,
        description_de: c.descDe,
        description_en: c.descEn,
        department_id: departments.get(c.department) ?? null,
        sort,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, qu] of (c.questions ?? []).entries()) {
      await db
        .insertInto('category_questions')
        .values({
          organization_id: org.id,
          category_id: category.id,
          code: qu.code,
          datatype: qu.datatype,
          label_de: qu.de,
          label_en: qu.en,
          required: qu.required ?? false,
          sort: i,
          options: JSON.stringify(qu.options ?? []),
        })
        .execute();
    }
  }
  const { setupUrl, userId } = await createStaffAccount(
    { db, secret, publicUrl },
    org,
    { email: DEMO_ADMIN, displayName: 'Demo-Administration', role: 'admin', departmentIds: [] },
    { sendMail: true, locale: 'de' },
  );
  const categories = await db
    .selectFrom('report_categories')
    .select(['id', 'code', 'department_id', 'questionnaire_weeks'])
    .where('organization_id', '=', org.id)
    .orderBy('sort')
    .execute();
  await seedDemoReports({
    db,
    organizationId: org.id,
    adminId: userId,
    categories,
    districtIds,
    boundary: boundaryArea,
    storage: options.storage ?? (options.dataDir ? localStorage(path.join(options.dataDir, 'files')) : null),
    now: options.now ?? Date.now(),
  });
  await (await import('./angstraeume')).seedAngstraeume(db, { organizationId: org.id, boundary: boundaryArea, now: options.now ?? Date.now() });
  const participation = {
    organizationId: org.id,
    adminId: userId,
    districtIds,
    departments,
    boundary: boundaryArea,
    storage: options.storage ?? (options.dataDir ? localStorage(path.join(options.dataDir, 'files')) : null),
    now: options.now ?? Date.now(),
  };
  await seedVerification(db, participation);
  await seedProcesses(db, participation);
  await seedIdeas(db, participation);
  return { created: true, adminSetupUrl: setupUrl };
}
