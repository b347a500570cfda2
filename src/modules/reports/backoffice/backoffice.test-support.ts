import sharp from 'sharp';
import { createCategory, createDepartment, createResident, createStaff } from '../../../../test/helpers/factories';
import type { ReportStatus } from '../../../db-schema';
import type { Db } from '../../../platform/db/connect';
import { PHOTO_SIZES, type PhotoSize, processPhoto } from '../../../platform/files/photos';
import type { FileStorage } from '../../../platform/files/storage';
import { hashToken, randomToken } from '../../../platform/security/tokens';
import { LIMITS } from '../report';
import * as q from '../report.queries';
import { photoKey } from '../report.service';

// Fixtures for the back-office tests (routes and browser): two departments, categories, staff of every role,
// and a way to make reports in any status, with photos that have detail to blur.

/** A striped picture: blurring any part of it visibly changes pixels. */
export async function stripedJpeg(width = 800, height = 600): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const on = (Math.floor(x / 8) + Math.floor(y / 8)) % 2 === 0;
      raw.fill(on ? 240 : 20, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function seedBackOffice(db: Db, secret: string, organizationId: number) {
  const depA = await createDepartment(db, organizationId, 'Tiefbauamt');
  const depB = await createDepartment(db, organizationId, 'Grünflächenamt');
  const category = await createCategory(db, organizationId, { name: 'Schlagloch', departmentId: depA.id });
  const category2 = await createCategory(db, organizationId, { name: 'Wilder Müll', kind: 'litter', departmentId: depB.id });
  const admin = await createStaff(db, secret, organizationId, 'admin');
  const moderator = await createStaff(db, secret, organizationId, 'moderator');
  const staffA = await createStaff(db, secret, organizationId, 'department_staff', { departmentIds: [depA.id] });
  const staffB = await createStaff(db, secret, organizationId, 'department_staff', { departmentIds: [depB.id] });
  const resident = await createResident(db, organizationId);
  return { depA, depB, category, category2, admin, moderator, staffA, staffB, resident };
}

export interface ReportOptions {
  categoryId: number;
  departmentId: number | null;
  status?: ReportStatus;
  description?: string;
  reporterEmail?: string | null;
  reporterName?: string;
  createdDaysAgo?: number;
  photos?: number;
}

export async function makeReport(db: Db, storage: FileStorage | null, organizationId: number, o: ReportOptions): Promise<number> {
  const status = o.status ?? 'new';
  const inserted = await q.insertReport(db, {
    organizationId,
    categoryId: o.categoryId,
    departmentId: o.departmentId,
    districtId: null,
    status,
    lat: 51.5,
    lon: 7.5,
    address: 'vor Nr. 12',
    locationPrecise: true,
    description: o.description ?? 'Tiefes Loch in der Fahrbahn',
    answers: {},
    userId: null,
    reporterName: o.reporterName ?? 'Erika Mustermann',
    reporterEmail: o.reporterEmail === undefined ? 'erika@example.de' : o.reporterEmail,
    showName: false,
    idempotencyKey: null,
  });
  const id = inserted!.id;
  if (o.createdDaysAgo) {
    await db
      .updateTable('reports')
      .set({ created_at: new Date(Date.now() - o.createdDaysAgo * 86_400_000) })
      .where('id', '=', id)
      .execute();
  }
  await q.insertEvent(db, { organizationId, reportId: id, kind: 'created', public: true, toStatus: status });
  if (o.reporterEmail !== null) await q.addFollower(db, organizationId, id, o.reporterEmail ?? 'erika@example.de', hashToken(randomToken()));
  for (let i = 0; i < (o.photos ?? 0); i++) {
    if (!storage) throw new Error('photos need storage');
    const processed = await processPhoto(await stripedJpeg(), LIMITS.photoBytesMax);
    if ('problem' in processed) throw new Error(processed.problem);
    const base = `reports/${randomToken(12)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')}`;
    for (const size of Object.keys(PHOTO_SIZES) as PhotoSize[]) await storage.put(photoKey(base, size), processed.variants[size]);
    await q.insertPhoto(db, { organizationId, reportId: id, storageKey: base, width: processed.width, height: processed.height, sort: i });
  }
  return id;
}

export async function addSupporter(db: Db, organizationId: number, reportId: number, key: string) {
  await q.addSupporter(db, organizationId, reportId, key, null);
}
