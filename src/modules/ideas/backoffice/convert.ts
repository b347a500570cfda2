import type { Organization } from '../../../db-schema';
import type { Db } from '../../../platform/db/connect';
import type { FileStorage } from '../../../platform/files/storage';
import { AppError } from '../../../platform/http/errors';
import type { SessionUser } from '../../../platform/http/sessions';
import { cityCentre, createReport, insertEvent as insertReportEvent, listReportCategories } from '../../reports';
import * as q from '../ideas.queries';
import * as bq from './backoffice.queries';

// Staff turn an idea into a report (Melden) when it is really a problem for a department: the report is created
// through the reports module (its rules: routing, status, mails), and the link is kept both ways — the idea shows
// the report, and the report's public history says which idea it came from. (Turning an idea into a budget
// proposal waits for the budgets module, issue 17.)

export interface ConvertDeps {
  db: Db;
  storage: FileStorage;
  secret: string;
  publicUrl: URL;
}

export async function convertToReport(
  deps: ConvertDeps,
  org: Organization,
  id: number,
  categoryId: number,
  staff: SessionUser,
): Promise<'category' | 'report' | null> {
  const { db } = deps;
  const idea = await q.findIdea(db, org.id, id);
  if (!idea) throw new AppError('not_found');
  if (idea.report_id || idea.status === 'merged') return 'report';
  const category = (await listReportCategories(db, org.id)).find((c) => c.id === categoryId);
  if (!category) return 'category';
  const centre = idea.lat !== null && idea.lon !== null ? { lat: idea.lat, lon: idea.lon } : await cityCentre(db, org.id);
  if (!centre) return 'report';
  const where = {
    categoryId,
    lat: centre.lat,
    lon: centre.lon,
    address: idea.lat === null ? (idea.district ?? '') : '',
    precise: idea.lat !== null,
    districtId: idea.district_id,
  };
  // The key makes a second press (or two staff at once) answer with the same report instead of a second one.
  const created = await createReport(
    deps,
    org,
    where,
    { description: `${idea.title}\n\n${idea.description}`, answers: {}, name: '', email: '', showName: false, idempotencyKey: `idea-${id}`, photos: [] },
    staff,
    'de',
  );
  if (!created.ok) return 'report';
  const reportId = created.reportId;
  await db.transaction().execute(async (trx) => {
    await bq.updateIdea(trx, org.id, id, { report_id: reportId });
    await q.insertEvent(trx, { organizationId: org.id, ideaId: id, kind: 'report', text: String(reportId), actorUserId: staff.id });
    await insertReportEvent(trx, {
      organizationId: org.id,
      reportId,
      kind: 'public_note',
      public: true,
      actorUserId: staff.id,
      body: `Diese Meldung ist aus der Idee #${id} entstanden: ${new URL(`/ideen/${id}`, deps.publicUrl).href}`,
    });
    await bq.audit(trx, { organizationId: org.id, actorUserId: staff.id, action: 'ideas.report', subject: String(id), details: { reportId } });
  });
  return null;
}
