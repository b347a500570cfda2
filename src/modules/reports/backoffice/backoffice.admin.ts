import type { CategoryKind, QuestionDatatype } from '../../../db-schema';
import type { Db } from '../../../platform/db/connect';
import { targetProblem } from '../../../platform/http/outbound';
import { LIMITS } from '../report';
import * as bq from './backoffice.queries';
import type { Problems } from './backoffice.service';
import { parseId } from './backoffice.service';

// Validation of the routing administration forms (categories, questions, rules, templates, Open311).
// Each function takes the raw form values and returns what to store, or problems per field.

export const CATEGORY_KINDS: CategoryKind[] = ['defect', 'litter', 'angstraum'];
export const DATATYPES: QuestionDatatype[] = ['text', 'number', 'singlevaluelist', 'multivaluelist', 'datetime'];
const NAME_MAX = 200;
const DESCRIPTION_MAX = 2000;

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: Problems };

function text(errors: Problems, field: string, value: string, max: number, required: boolean): string {
  const v = value.trim();
  if (!v && required) errors[field] = { key: 'err.required' };
  else if ([...v].length > max) errors[field] = { key: 'err.tooLong', params: { max } };
  return v;
}

function integer(errors: Problems, field: string, value: string, min: number, max: number, fallback: number): number {
  const v = value.trim();
  if (!v) return fallback;
  if (!/^-?\d{1,5}$/.test(v) || Number(v) < min || Number(v) > max) {
    errors[field] = { key: 'err.integer', params: { min, max } };
    return fallback;
  }
  return Number(v);
}

export interface CategoryForm {
  code: string;
  kind: string;
  name_de: string;
  name_en: string;
  description_de: string;
  description_en: string;
  department_id: string;
  questionnaire_weeks: string;
  active: boolean;
  sort: string;
}

export async function validateCategory(db: Db, organizationId: number, id: number | null, f: CategoryForm): Promise<Validated<bq.CategoryInput>> {
  const errors: Problems = {};
  const code = f.code.trim();
  if (!/^[a-z0-9-]{2,60}$/.test(code)) errors.code = { key: 'err.categoryCode' };
  else {
    const clash = await bq.findCategoryByCode(db, organizationId, code);
    if (clash && clash.id !== id) errors.code = { key: 'err.codeTaken' };
  }
  if (!(CATEGORY_KINDS as string[]).includes(f.kind)) errors.kind = { key: 'err.choice' };
  const name_de = text(errors, 'name_de', f.name_de, NAME_MAX, true);
  const name_en = text(errors, 'name_en', f.name_en, NAME_MAX, true);
  const description_de = text(errors, 'description_de', f.description_de, DESCRIPTION_MAX, false);
  const description_en = text(errors, 'description_en', f.description_en, DESCRIPTION_MAX, false);
  let department_id: number | null = null;
  if (f.department_id.trim()) {
    const depId = parseId(f.department_id);
    const dep = depId ? await bq.findDepartment(db, organizationId, depId) : undefined;
    if (!dep) errors.department_id = { key: 'err.department' };
    else department_id = dep.id;
  }
  const questionnaire_weeks = integer(errors, 'questionnaire_weeks', f.questionnaire_weeks, 0, 52, 4);
  const sort = integer(errors, 'sort', f.sort, -9999, 9999, 0);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { code, kind: f.kind as CategoryKind, name_de, name_en, description_de, description_en, department_id, questionnaire_weeks, active: f.active, sort },
  };
}

export interface QuestionForm {
  code: string;
  datatype: string;
  label_de: string;
  label_en: string;
  required: boolean;
  sort: string;
  /** One option a line: key | Deutsch | English */
  options: string;
}

export function optionsToText(options: unknown): string {
  return ((options as Array<{ key: string; de: string; en: string }>) ?? []).map((o) => `${o.key} | ${o.de} | ${o.en}`).join('\n');
}

export async function validateQuestion(
  db: Db,
  organizationId: number,
  categoryId: number,
  id: number | null,
  f: QuestionForm,
): Promise<Validated<bq.QuestionInput>> {
  const errors: Problems = {};
  const code = f.code.trim();
  if (!/^[a-z0-9_]{1,40}$/.test(code)) errors.code = { key: 'err.questionCode' };
  else {
    const clash = await bq.findQuestionByCode(db, organizationId, categoryId, code);
    if (clash && clash.id !== id) errors.code = { key: 'err.codeTaken' };
  }
  if (!(DATATYPES as string[]).includes(f.datatype)) errors.datatype = { key: 'err.choice' };
  const label_de = text(errors, 'label_de', f.label_de, 300, true);
  const label_en = text(errors, 'label_en', f.label_en, 300, true);
  const sort = integer(errors, 'sort', f.sort, -9999, 9999, 0);
  const options: Array<{ key: string; de: string; en: string }> = [];
  const isList = f.datatype === 'singlevaluelist' || f.datatype === 'multivaluelist';
  const lines = f.options
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (isList) {
    if (lines.length === 0) errors.options = { key: 'err.optionsRequired' };
    if (lines.length > 100) errors.options = { key: 'err.optionsTooMany' };
    for (const [i, line] of lines.entries()) {
      const [key = '', de = '', en = ''] = line.split('|').map((p) => p.trim());
      if (!/^[a-z0-9_-]{1,40}$/.test(key) || !de || !en || de.length > 200 || en.length > 200) {
        errors.options = { key: 'err.optionLine', params: { n: i + 1 } };
        break;
      }
      if (options.some((o) => o.key === key)) {
        errors.options = { key: 'err.optionDuplicate', params: { key } };
        break;
      }
      options.push({ key, de, en });
    }
  } else if (lines.length > 0) {
    errors.options = { key: 'err.optionsNotList' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { code, datatype: f.datatype as QuestionDatatype, label_de, label_en, required: f.required, sort, options } };
}

export async function validateRoutingRule(
  db: Db,
  organizationId: number,
  f: { district_id: string; rule_department_id: string },
): Promise<Validated<{ districtId: number; departmentId: number }>> {
  const errors: Problems = {};
  const districtId = parseId(f.district_id);
  const district = districtId ? await bq.findDistrict(db, organizationId, districtId) : undefined;
  if (!district) errors.district_id = { key: 'err.district' };
  const departmentId = parseId(f.rule_department_id);
  const department = departmentId ? await bq.findDepartment(db, organizationId, departmentId) : undefined;
  if (!department) errors.rule_department_id = { key: 'err.department' };
  if (!district || !department) return { ok: false, errors };
  return { ok: true, value: { districtId: district.id, departmentId: department.id } };
}

export async function validateTemplate(
  db: Db,
  organizationId: number,
  id: number | null,
  f: { title: string; body: string },
): Promise<Validated<{ title: string; body: string }>> {
  const errors: Problems = {};
  const title = text(errors, 'title', f.title, NAME_MAX, true);
  const body = text(errors, 'body', f.body, LIMITS.noteMax, true);
  if (title && !errors.title) {
    const clash = await bq.findTemplateByTitle(db, organizationId, title);
    if (clash && clash.id !== id) errors.title = { key: 'err.titleTaken' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { title, body } };
}

export interface Open311Form {
  endpoint: string;
  apiKey: string;
  removeKey: boolean;
  enabled: boolean;
}

/** https only (the key travels with each request), no credentials in the address. */
function isSafeEndpoint(endpoint: string): boolean {
  if (endpoint.length > 500) return false;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * An empty key field keeps the stored key (it is never shown again); the box removes it. The address must not
 * lead into the server's own network (loopback, private, link-local, internal names) unless the operator named the
 * host in OUTBOUND_ALLOWED_PRIVATE_HOSTS; the forwarding job checks again after DNS resolution.
 */
export function validateOpen311(
  f: Open311Form,
  hasStoredKey: boolean,
  allowedPrivateHosts: readonly string[] = [],
): Validated<{ endpoint: string | null; apiKey?: string | null; enabled: boolean }> {
  const errors: Problems = {};
  const endpoint = f.endpoint.trim();
  if (endpoint) {
    if (!isSafeEndpoint(endpoint)) errors.endpoint = { key: 'err.endpoint' };
    else if (targetProblem(endpoint, allowedPrivateHosts)) errors.endpoint = { key: 'err.endpointInternal' };
  }
  const apiKey = f.apiKey.trim();
  if (apiKey.length > 500 || /\s/.test(apiKey)) errors.apiKey = { key: 'err.apiKey' };
  const keyAfter = f.removeKey ? false : apiKey ? true : hasStoredKey;
  if (f.enabled && !endpoint) errors.endpoint = { key: 'err.endpointRequired' };
  else if (f.enabled && !keyAfter) errors.apiKey = { key: 'err.apiKeyRequired' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { endpoint: endpoint || null, enabled: f.enabled, ...(f.removeKey ? { apiKey: null } : apiKey ? { apiKey } : {}) },
  };
}
