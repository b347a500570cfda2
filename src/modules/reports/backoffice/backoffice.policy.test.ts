import { describe, expect, it } from 'vitest';
import type { ReportStatus } from '../../../db-schema';
import { likePattern } from '../../../platform/db/like-pattern';
import { validateOpen311 } from './backoffice.admin';
import { canAdministerRouting, canChangeStatus, canWorkOnReport, departmentScope, isReopening } from './backoffice.policy';
import { parseId, parseRegion } from './backoffice.service';

const staff = (role: 'admin' | 'moderator' | 'department_staff', departmentIds: number[] = []) => ({ role, level: 'staff' as const, departmentIds });

describe('back-office policy', () => {
  it('lets admins and moderators work on every report, department staff on their departments only', () => {
    const report = { department_id: 7, status: 'new' as ReportStatus };
    expect(canWorkOnReport(staff('admin'), report)).toBe(true);
    expect(canWorkOnReport(staff('moderator'), { department_id: null })).toBe(true);
    expect(canWorkOnReport(staff('department_staff', [7]), report)).toBe(true);
    expect(canWorkOnReport(staff('department_staff', [8]), report)).toBe(false);
    expect(canWorkOnReport(staff('department_staff', [7]), { department_id: null })).toBe(false);
    // Residents, and staff signed in by magic link (resident level), never.
    expect(canWorkOnReport({ role: null, level: 'resident', departmentIds: [] }, report)).toBe(false);
    expect(canWorkOnReport({ role: 'admin', level: 'resident', departmentIds: [] }, report)).toBe(false);
    expect(canWorkOnReport(null, report)).toBe(false);
    expect(departmentScope(staff('moderator'))).toBeNull();
    expect(departmentScope(staff('department_staff', [3, 4]))).toEqual([3, 4]);
  });

  it('allows status changes only along the status rules', () => {
    const admin = staff('admin');
    expect(canChangeStatus(admin, { department_id: 1, status: 'new' }, 'confirmed')).toBe(true);
    expect(canChangeStatus(admin, { department_id: 1, status: 'fixed' }, 'confirmed')).toBe(false);
    expect(canChangeStatus(admin, { department_id: 1, status: 'closed' }, 'in_progress')).toBe(true);
    expect(canChangeStatus(staff('department_staff', [2]), { department_id: 1, status: 'new' }, 'confirmed')).toBe(false);
    expect(isReopening('closed', 'in_progress')).toBe(true);
    expect(isReopening('fixed', 'in_progress')).toBe(true);
    expect(isReopening('new', 'in_progress')).toBe(false);
    expect(canAdministerRouting(admin)).toBe(true);
    expect(canAdministerRouting(staff('moderator'))).toBe(false);
  });
});

describe('back-office input parsing', () => {
  it('reads report numbers strictly', () => {
    expect(parseId('#12')).toBe(12);
    expect(parseId(' 12 ')).toBe(12);
    for (const bad of ['', '0', '-1', '1.5', '12a', '1e3', '9999999999']) expect(parseId(bad)).toBeNull();
  });

  it('turns blur regions in per cent into fractions and marks each bad field', () => {
    expect(parseRegion({ x: '10', y: '20,5', w: '30', h: '25' })).toEqual({ ok: true, region: { x: 0.1, y: 0.205, w: 0.3, h: 0.25 } });
    const bad = parseRegion({ x: '80', y: '', w: '30', h: '0' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['h', 'w', 'y']);
    expect(parseRegion({ x: '-1', y: '0', w: '1', h: '1' }).ok).toBe(false);
    expect(parseRegion({ x: '0', y: '0', w: '100', h: '100' }).ok).toBe(true);
  });

  it('escapes LIKE wildcards in the text search', () => {
    expect(likePattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });

  it('checks Open311 settings: https only, a key to switch on, an empty key keeps the stored one', () => {
    expect(validateOpen311({ endpoint: 'http://x.example/', apiKey: '', removeKey: false, enabled: false }, false).ok).toBe(false);
    expect(validateOpen311({ endpoint: 'https://user:pw@x.example/', apiKey: '', removeKey: false, enabled: false }, false).ok).toBe(false);
    expect(validateOpen311({ endpoint: 'https://x.example/', apiKey: '', removeKey: false, enabled: true }, false).ok).toBe(false);
    expect(validateOpen311({ endpoint: 'https://x.example/', apiKey: '', removeKey: false, enabled: true }, true)).toEqual({
      ok: true,
      value: { endpoint: 'https://x.example/', enabled: true },
    });
    expect(validateOpen311({ endpoint: '', apiKey: '', removeKey: true, enabled: false }, true)).toEqual({
      ok: true,
      value: { endpoint: null, enabled: false, apiKey: null },
    });
    expect(validateOpen311({ endpoint: '', apiKey: 'a b', removeKey: false, enabled: false }, false).ok).toBe(false);
  });
});
