import type { Db } from '../../platform/db/connect';
import { areaContains, bboxOf, readArea, readDistrictFeatures } from '../../platform/geo/geojson';
import { enqueueMail } from '../../platform/mail/outbox';
import * as q from './organization.queries';

export const DISTRICT_KIND = /^[a-z0-9-]{2,40}$/;

export interface ImportResult {
  imported: number;
  names: string[];
}

/** All features or none: a half-imported district layer would misroute reports. */
export async function importDistricts(
  db: Db,
  organizationId: number,
  json: unknown,
  options: { kind: string; nameProperty?: string; source: string; actorUserId?: number | null },
): Promise<ImportResult> {
  if (!DISTRICT_KIND.test(options.kind)) throw new Error(`Kind "${options.kind}" must be 2–40 lower-case letters, digits or hyphens`);
  const features = readDistrictFeatures(json, options.nameProperty);
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f.name)) throw new Error(`The name "${f.name}" appears twice in the file`);
    seen.add(f.name);
  }
  await db.transaction().execute(async (trx) => {
    for (const f of features) {
      await q.upsertDistrict(trx, {
        organizationId,
        kind: options.kind,
        name: f.name,
        code: f.code,
        area: f.area,
        bbox: bboxOf(f.area),
        source: options.source,
      });
    }
    await q.insertAudit(trx, {
      organizationId,
      actorUserId: options.actorUserId ?? null,
      action: 'districts.import',
      subject: options.kind,
      details: { count: features.length, source: options.source },
    });
  });
  return { imported: features.length, names: features.map((f) => f.name) };
}

export interface DistrictHit {
  id: number;
  kind: string;
  name: string;
}

/** Every district (of every kind) that contains the point. */
export async function districtsAt(db: Db, organizationId: number, lon: number, lat: number): Promise<DistrictHit[]> {
  const candidates = await q.districtsAround(db, organizationId, lon, lat);
  return candidates.filter((d) => areaContains(readArea(d.geometry), lon, lat)).map((d) => ({ id: d.id, kind: d.kind, name: d.name }));
}

export async function submitAccessibilityFeedback(
  db: Db,
  org: { id: number; contact_email: string; name: string },
  input: { message: string; pageUrl: string; email: string | null },
  subject: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await q.insertAccessibilityFeedback(trx, { organizationId: org.id, ...input });
    await enqueueMail(trx, {
      organization_id: org.id,
      to_address: org.contact_email,
      subject: `${subject} #${id}`,
      text_body: [`Seite: ${input.pageUrl || '–'}`, `Antwort an: ${input.email ?? '– (keine Antwort gewünscht)'}`, '', input.message].join('\n'),
      html_body: null,
    });
    return id;
  });
}
