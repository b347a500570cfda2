import type { StaffRole } from '../../src/db-schema';
import { hashPassword } from '../../src/modules/accounts/password';
import { newTotpSecret } from '../../src/modules/accounts/totp';
import { insertReport } from '../../src/modules/reports/report.queries';
import type { Db } from '../../src/platform/db/connect';
import { seal } from '../../src/platform/security/seal';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createOrganization(db: Db, overrides: { slug?: string; name?: string; hosts?: string[] } = {}) {
  return db
    .insertInto('organizations')
    .values({
      slug: overrides.slug ?? `city-${unique()}`,
      name: overrides.name ?? 'Teststadt',
      hosts: overrides.hosts ?? ['localhost'],
      contact_email: 'kontakt@teststadt.example',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createDepartment(db: Db, organizationId: number, name = `Amt ${unique()}`) {
  return db
    .insertInto('departments')
    .values({ organization_id: organizationId, name, email: `${unique()}@amt.example` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const STAFF_PASSWORD = 'Grüne Bäume am Phoenix-See';

/** A staff member with a finished setup: password and TOTP known to the test. */
export async function createStaff(db: Db, secret: string, organizationId: number, role: StaffRole, options: { departmentIds?: number[]; email?: string } = {}) {
  const totpSecret = newTotpSecret();
  const email = options.email ?? `staff-${unique()}@teststadt.example`;
  const user = await db
    .insertInto('users')
    .values({
      organization_id: organizationId,
      email,
      role,
      password_hash: await hashPassword(STAFF_PASSWORD),
      totp_secret: seal(secret, totpSecret),
      totp_enabled_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const department_id of options.departmentIds ?? []) {
    await db.insertInto('staff_departments').values({ organization_id: organizationId, user_id: user.id, department_id }).execute();
  }
  return { ...user, password: STAFF_PASSWORD, totpSecret };
}

export async function createResident(db: Db, organizationId: number, email = `resident-${unique()}@example.de`) {
  return db.insertInto('users').values({ organization_id: organizationId, email, role: null }).returningAll().executeTakeFirstOrThrow();
}

export async function createCategory(
  db: Db,
  organizationId: number,
  options: {
    code?: string;
    name?: string;
    kind?: 'defect' | 'litter' | 'angstraum';
    departmentId?: number | null;
    questions?: Array<{
      code: string;
      datatype: 'text' | 'number' | 'singlevaluelist' | 'multivaluelist' | 'datetime';
      required?: boolean;
      options?: Array<{ key: string; de: string; en: string }>;
    }>;
  } = {},
) {
  const name = options.name ?? `Kategorie ${unique()}`;
  const category = await db
    .insertInto('report_categories')
    .values({
      organization_id: organizationId,
      code: options.code ?? `cat-${unique()}`,
      kind: options.kind ?? 'defect',
      name_de: name,
      name_en: `${name} (en)`,
      department_id: options.departmentId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [i, q] of (options.questions ?? []).entries()) {
    await db
      .insertInto('category_questions')
      .values({
        organization_id: organizationId,
        category_id: category.id,
        code: q.code,
        datatype: q.datatype,
        label_de: `Frage ${q.code}`,
        label_en: `Question ${q.code}`,
        required: q.required ?? false,
        sort: i,
        options: JSON.stringify(q.options ?? []),
      })
      .execute();
  }
  return category;
}

/** A public report ("new"), anonymous unless overrides say otherwise; returns its id. */
export async function createPublicReport(db: Db, organizationId: number, categoryId: number, overrides: Partial<Parameters<typeof insertReport>[1]> = {}) {
  const row = await insertReport(db, {
    organizationId,
    categoryId,
    departmentId: null,
    districtId: null,
    status: 'new',
    lat: 51.5,
    lon: 7.45,
    address: '',
    locationPrecise: true,
    description: `Meldung ${unique()}`,
    answers: {},
    userId: null,
    reporterName: '',
    reporterEmail: null,
    showName: false,
    idempotencyKey: null,
    ...overrides,
  });
  return row!.id;
}

/** A synthetic square "city" around the point 51.5, 7.5 (about 14 × 7 km), not real geography. */
export async function createSyntheticBoundary(db: Db, organizationId: number) {
  return db
    .insertInto('districts')
    .values({
      organization_id: organizationId,
      kind: 'stadtgrenze',
      name: 'Synthetische Stadtgrenze',
      geometry: JSON.stringify({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [7.4, 51.45],
              [7.6, 51.45],
              [7.6, 51.55],
              [7.4, 51.55],
              [7.4, 51.45],
            ],
          ],
        ],
      }),
      min_lon: 7.4,
      min_lat: 51.45,
      max_lon: 7.6,
      max_lat: 51.55,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
