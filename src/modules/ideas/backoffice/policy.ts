import type { SessionUser } from '../../../platform/http/sessions';
import { canWorkOnReport, departmentScope } from '../../reports';

// Who may work on which idea in the back office: admins and moderators on every idea of the city, department staff
// only on their departments' ideas (ideas without a department are for the moderators). It is the reports' rule,
// so the reports module's policy decides, and the routes declare it with staffOnlyInOwnDepartments.

type Staff = Pick<SessionUser, 'role' | 'level' | 'departmentIds'>;

export function canWorkOnIdea(user: Staff, idea: { department_id: number | null }): boolean {
  return canWorkOnReport(user, idea);
}

/** The departments whose ideas the queue shows: null means all of them. */
export function ideaScope(user: Staff): number[] | null {
  return departmentScope(user);
}
