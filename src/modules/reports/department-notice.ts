import type { Db } from '../../platform/db/connect';
import { translator } from '../../platform/i18n';
import { enqueueMail } from '../../platform/mail/outbox';
import { reportForDepartment } from './department-notice.queries';
import { messages } from './messages';
import { departmentById, insertForward } from './report.queries';

/**
 * Tells a department about a report it now has: a new public report, or one another department passed on. The
 * department gets the same either way: its Open311 forward where configured, else a mail to its address.
 * Runs in the caller's transaction, so the notice exists exactly when the change does.
 */
export async function tellDepartment(
  db: Db,
  publicUrl: URL,
  organizationId: number,
  reportId: number,
  departmentId: number,
  passedOnBy: string | null = null,
): Promise<void> {
  const department = await departmentById(db, organizationId, departmentId);
  const report = await reportForDepartment(db, organizationId, reportId);
  // An unconfirmed report reaches its department when it is confirmed (see afterPublication).
  if (!department || !report || report.status === 'unconfirmed') return;
  if (department.open311_enabled && department.open311_endpoint) {
    await insertForward(db, organizationId, reportId, department.id);
    return;
  }
  // Departments work in German, whatever language the resident used.
  const t = translator(messages, 'de');
  const params = {
    id: reportId,
    category: report.category_de,
    place: `${report.address ? `${report.address} – ` : ''}${report.lat.toFixed(5)}, ${report.lon.toFixed(5)}`,
    district: report.district ?? '–',
    description: report.description,
    link: new URL(`/verwaltung/meldungen/${reportId}`, publicUrl).href,
    from: passedOnBy ?? '–',
  };
  await enqueueMail(db, {
    organization_id: organizationId,
    to_address: department.email,
    subject: passedOnBy ? t('mail.forwardedSubject', params) : t('mail.departmentSubject', params),
    text_body: passedOnBy ? t('mail.forwardedBody', params) : t('mail.departmentBody', params),
    html_body: null,
  });
}
