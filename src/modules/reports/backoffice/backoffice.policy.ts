import type { ReportStatus } from '../../../db-schema';
import type { SessionUser } from '../../../platform/http/sessions';
import { canTransition } from '../report';

// Who may do what in the back office for reports. One small function per decision; no I/O.

type Staff = Pick<SessionUser, 'role' | 'level' | 'departmentIds'>;

function isStaff(user: Staff | null | undefined): user is Staff {
  return Boolean(user && user.level === 'staff' && user.role);
}

/** Moderators and admins work on every report of the city; department staff on their departments' only. */
export function seesAllReports(user: Staff | null | undefined): boolean {
  return isStaff(user) && (user.role === 'admin' || user.role === 'moderator');
}

/** The departments whose reports the user sees: null means all of them. */
export function departmentScope(user: Staff): number[] | null {
  return seesAllReports(user) ? null : user.departmentIds;
}

export function canWorkOnReport(user: Staff | null | undefined, report: { department_id: number | null }): boolean {
  if (!isStaff(user)) return false;
  if (seesAllReports(user)) return true;
  return report.department_id !== null && user.departmentIds.includes(report.department_id);
}

/** A status change needs access to the report and a move the status rules allow. */
export function canChangeStatus(user: Staff | null | undefined, report: { department_id: number | null; status: ReportStatus }, to: ReportStatus): boolean {
  return canWorkOnReport(user, report) && canTransition(report.status, to);
}

/** Categories, questions, routing rules, response templates and Open311 settings. */
export function canAdministerRouting(user: Staff | null | undefined): boolean {
  return isStaff(user) && user.role === 'admin';
}

/** Reopening is a move out of fixed or closed back into work. */
export function isReopening(from: ReportStatus, to: ReportStatus): boolean {
  return (from === 'fixed' || from === 'closed') && (to === 'confirmed' || to === 'in_progress' || to === 'new');
}
