import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../platform/http/sessions';
import { mayAnswerOfficially } from './comments.service';
import type { ParticipationItem } from './item-kind';

// Who may give an official answer: admins always; department staff of the item's department; nobody else, also
// not a moderator who belongs to that department, and not staff signed in at resident level.

const item: ParticipationItem = { title: 'Ding', path: '/x', commentRule: { who: 'anyone' }, commentsOpen: true, departmentId: 7 };
const user = (over: Partial<SessionUser>): SessionUser => ({
  id: 1,
  email: 'a@example.de',
  displayName: '',
  role: null,
  level: 'staff',
  departmentIds: [],
  ...over,
});

describe('mayAnswerOfficially', () => {
  it('lets admins and the department’s staff answer, not moderators or other departments', () => {
    expect(mayAnswerOfficially(user({ role: 'admin' }), item)).toBe(true);
    expect(mayAnswerOfficially(user({ role: 'department_staff', departmentIds: [7] }), item)).toBe(true);
    expect(mayAnswerOfficially(user({ role: 'department_staff', departmentIds: [8] }), item)).toBe(false);
    expect(mayAnswerOfficially(user({ role: 'moderator', departmentIds: [7] }), item)).toBe(false);
    expect(mayAnswerOfficially(user({ role: 'department_staff', departmentIds: [7] }), { ...item, departmentId: null })).toBe(false);
    expect(mayAnswerOfficially(user({ role: 'admin', level: 'resident' }), item)).toBe(false);
    expect(mayAnswerOfficially(null, item)).toBe(false);
  });
});
