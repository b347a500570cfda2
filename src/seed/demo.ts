import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../platform/db/connect';
import { createStaffAccount } from '../modules/accounts/account.service';
import { findOrganizationBySlug, insertDepartment, insertOrganization } from '../modules/organizations/organization.queries';
import { importDistricts } from '../modules/organizations/organization.service';
import { DEMO_CATEGORIES } from './categories';

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

/** Creates "Stadt Dortmund" with its real boundary, departments and a demo admin. Does nothing if it exists. */
export async function seedDemo(db: Db, publicUrl: URL, secret: string): Promise<SeedResult> {
  if (await findOrganizationBySlug(db, 'dortmund')) return { created: false, adminSetupUrl: null };
  const org = await insertOrganization(db, {
    slug: 'dortmund',
    name: 'Stadt Dortmund',
    hosts: ['localhost', '127.0.0.1', '[::1]', '::1'],
    contact_email: 'buergerdienste@dortmund.example',
  });
  const boundary = JSON.parse(readFileSync(path.join(SEED_DIR, 'dortmund/dortmund-stadtgrenze.geojson'), 'utf8'));
  await importDistricts(db, org.id, boundary, { kind: 'stadtgrenze', source: 'BKG VG250 2017 (GeoNutzV), seed/dortmund' });
  const departments = new Map<string, number>();
  for (const [name, email] of DEMO_DEPARTMENTS) departments.set(name, (await insertDepartment(db, org.id, { name, email })).id);
  for (const [sort, c] of DEMO_CATEGORIES.entries()) {
    const category = await db
      .insertInto('report_categories')
      .values({ organization_id: org.id, code: c.code, kind: c.kind, name_de: c.de, name_en: c.en, description_de: c.descDe, description_en: c.descEn, department_id: departments.get(c.department) ?? null, sort })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, qu] of (c.questions ?? []).entries()) {
      await db
        .insertInto('category_questions')
        .values({ category_id: category.id, code: qu.code, datatype: qu.datatype, label_de: qu.de, label_en: qu.en, required: qu.required ?? false, sort: i, options: JSON.stringify(qu.options ?? []) })
        .execute();
    }
  }
  const { setupUrl } = await createStaffAccount(
    { db, secret, publicUrl },
    org,
    { email: DEMO_ADMIN, displayName: 'Demo-Administration', role: 'admin', departmentIds: [] },
    { sendMail: true, locale: 'de' },
  );
  return { created: true, adminSetupUrl: setupUrl };
}
