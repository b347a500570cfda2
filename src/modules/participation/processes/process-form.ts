import type { FieldErrors } from '../../../platform/http/errors';
import { type FormBody, field, fieldList } from '../../../platform/http/form';
import { type Locale, translator } from '../../../platform/i18n';
import { type EligibilityRule, type EligibilityRules, PARTICIPATION_ACTIONS, type ParticipationAction } from '../eligibility/rule';
import { processMessages } from './messages';
import { isIsoDay, isPhaseKind, isTopic } from './process';
import type { PhaseRow, PhaseValues, ProcessRow, ProcessValues } from './process.queries';
import { sanitizeRichText } from './rich-text';

// The back office's process and phase forms: reading the posted fields into values or errors (keyed by field name,
// so the form marks the field), and a stored process as the same fields for the edit form.

export interface FormChoices {
  districtIds: ReadonlySet<number>;
  /** Bodies that may be responsible. */
  bodyIds: ReadonlySet<number>;
  departmentIds: ReadonlySet<number>;
  /** Bodies a rule may name (any of the city's). */
  ruleBodyIds: ReadonlySet<number>;
}

export const RULE_KINDS = ['anyone', 'signed_in', 'verified', 'body_member'] as const;

const ruleField = (action: ParticipationAction, part: string) => `rule.${action}.${part}`;

function ids(values: string[]): number[] | null {
  const out = values.map((v) => (/^[1-9][0-9]{0,8}$/.test(v) ? Number(v) : Number.NaN));
  return out.some(Number.isNaN) ? null : [...new Set(out)];
}

function age(value: string): number | null | 'bad' {
  if (value === '') return null;
  return /^[0-9]{1,3}$/.test(value) && Number(value) <= 120 ? Number(value) : 'bad';
}

function readRule(body: FormBody, action: ParticipationAction, choices: FormChoices, errors: FieldErrors, locale: Locale): EligibilityRule {
  const t = translator(processMessages, locale);
  const f = (part: string) => field(body, ruleField(action, part));
  const fail = (part: string, problem: Parameters<typeof t>[0]) => {
    errors[ruleField(action, part)] = t('bo.err.rule', { action: t(`action.${action}`), problem: t(problem) });
  };
  const who = f('who');
  if (who === 'signed_in') return { who };
  if (who === 'body_member') {
    const bodyId = Number(f('body'));
    if (!choices.ruleBodyIds.has(bodyId)) fail('body', 'bo.err.rule.body');
    return { who, bodyId };
  }
  if (who === 'verified') {
    const districtIds = ids(fieldList(body, ruleField(action, 'districts')));
    if (!districtIds || districtIds.some((id) => !choices.districtIds.has(id))) fail('districts', 'bo.err.rule.districts');
    const ageMin = age(f('ageMin'));
    const ageMax = age(f('ageMax'));
    if (ageMin === 'bad' || ageMax === 'bad' || (ageMin !== null && ageMax !== null && ageMin > ageMax))
      fail(ageMin === 'bad' ? 'ageMin' : 'ageMax', 'bo.err.rule.age');
    const referenceDate = f('refDate') || null;
    if (referenceDate !== null && !isIsoDay(referenceDate)) fail('refDate', 'bo.err.rule.date');
    return {
      who,
      districtIds: districtIds ?? [],
      ageMin: typeof ageMin === 'number' ? ageMin : null,
      ageMax: typeof ageMax === 'number' ? ageMax : null,
      referenceDate,
    };
  }
  // 'anyone', and anything a changed form sent.
  return { who: 'anyone' };
}

/** The process form's values, or its errors. `responsible` is `d:<id>` (a department) or `b:<id>` (a body). */
export function readProcessForm(body: FormBody, choices: FormChoices, locale: Locale): { values: ProcessValues; errors: FieldErrors } {
  const t = translator(processMessages, locale);
  const errors: FieldErrors = {};
  const title = field(body, 'title');
  const summary = field(body, 'summary');
  const bodyHtml = field(body, 'body');
  const topic = field(body, 'topic');
  if (title === '' || title.length > 200) errors.title = t('bo.err.title');
  if (summary === '' || summary.length > 600) errors.summary = t('bo.err.summary');
  if (bodyHtml.length > 100_000) errors.body = t('bo.err.body');
  if (!isTopic(topic)) errors.topic = t('bo.err.topic');
  const responsible = /^([db]):([1-9][0-9]{0,8})$/.exec(field(body, 'responsible'));
  const departmentId = responsible?.[1] === 'd' ? Number(responsible[2]) : null;
  const bodyId = responsible?.[1] === 'b' ? Number(responsible[2]) : null;
  if (!(departmentId !== null && choices.departmentIds.has(departmentId)) && !(bodyId !== null && choices.bodyIds.has(bodyId))) {
    errors.responsible = t('bo.err.responsible');
  }
  const districtIds = ids(fieldList(body, 'districts'));
  if (!districtIds || districtIds.some((id) => !choices.districtIds.has(id))) errors.districts = t('bo.err.districts');
  const rules: EligibilityRules = {};
  for (const action of PARTICIPATION_ACTIONS) rules[action] = readRule(body, action, choices, errors, locale);
  return {
    // Stored sanitised (allowlist), so pages show it as it is.
    values: { title, summary, bodyHtml: sanitizeRichText(bodyHtml), topic, departmentId, bodyId, rules, published: field(body, 'published') === '1' },
    errors,
  };
}

/** The districts of the area from the same form (checked by readProcessForm). */
export function areaOf(body: FormBody): number[] {
  return ids(fieldList(body, 'districts')) ?? [];
}

/** A stored process as the form's fields. */
export function processToForm(p: ProcessRow, districtIds: number[]): FormBody {
  const form: FormBody = {
    title: p.title,
    summary: p.summary,
    body: p.body_html,
    topic: p.topic,
    responsible: p.department_id !== null ? `d:${p.department_id}` : `b:${p.body_id}`,
    districts: districtIds.map(String),
    published: p.published ? '1' : '',
  };
  const rules = p.rules ?? {};
  for (const action of PARTICIPATION_ACTIONS) {
    const rule = rules[action] ?? { who: 'anyone' };
    form[ruleField(action, 'who')] = rule.who;
    if (rule.who === 'body_member') form[ruleField(action, 'body')] = String(rule.bodyId);
    if (rule.who === 'verified') {
      form[ruleField(action, 'districts')] = rule.districtIds.map(String);
      form[ruleField(action, 'ageMin')] = rule.ageMin === null ? '' : String(rule.ageMin);
      form[ruleField(action, 'ageMax')] = rule.ageMax === null ? '' : String(rule.ageMax);
      form[ruleField(action, 'refDate')] = rule.referenceDate ?? '';
    }
  }
  return form;
}

/** The phase form's values, or its errors. */
export function readPhaseForm(body: FormBody, locale: Locale): { values: PhaseValues; errors: FieldErrors } {
  const t = translator(processMessages, locale);
  const errors: FieldErrors = {};
  const values: PhaseValues = {
    title: field(body, 'phaseTitle'),
    description: field(body, 'phaseDescription'),
    startsOn: field(body, 'startsOn'),
    endsOn: field(body, 'endsOn'),
    kinds: [...new Set(fieldList(body, 'kinds'))],
  };
  if (values.title === '' || values.title.length > 200) errors.phaseTitle = t('bo.err.phaseTitle');
  if (values.description.length > 4000) errors.phaseDescription = t('bo.err.phaseDescription');
  if (!isIsoDay(values.startsOn)) errors.startsOn = t('bo.err.phaseStarts');
  if (!isIsoDay(values.endsOn) || (isIsoDay(values.startsOn) && values.endsOn < values.startsOn)) errors.endsOn = t('bo.err.phaseEnds');
  if (values.kinds.length === 0 || !values.kinds.every(isPhaseKind)) errors.kinds = t('bo.err.phaseKinds');
  return { values, errors };
}

export function phaseToForm(p: PhaseRow): FormBody {
  return { phaseTitle: p.title, phaseDescription: p.description, startsOn: p.starts_on, endsOn: p.ends_on, kinds: p.kinds };
}
