import type { RequestContext } from '../../platform/http/context';
import type { FieldErrors } from '../../platform/http/errors';
import { translator } from '../../platform/i18n';
import { messages } from './messages';
import type * as reports from './report.service';

// The report form's input as the form code reads it (shared with the Dreckpetze form, which posts the same fields).

export function translateProblems(ctx: RequestContext, problems: reports.Problems): FieldErrors {
  const t = translator(messages, ctx.locale);
  return Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, t(p.key, p.params)]));
}

/** Multipart bodies arrive as key/value pairs: strings for fields, Buffers for files (the report forms' photos). */
export function multipartForm(body: unknown): { fields: Record<string, string | string[]>; files: Buffer[] } {
  const fields: Record<string, string | string[]> = {};
  const files: Buffer[] = [];
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const items = Array.isArray(value) ? value : [value];
    const strings = items.filter((v): v is string => typeof v === 'string');
    for (const v of items) if (Buffer.isBuffer(v) && key === 'photos' && v.length > 0) files.push(v);
    if (strings.length > 0) fields[key] = strings.length === 1 ? strings[0]! : strings;
  }
  return { fields, files };
}

/** The answers to a category's extra questions: fields named answer.<code>. */
export function answersFrom(fields: Record<string, string | string[] | undefined>): Record<string, string | string[] | undefined> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith('answer.'))
      .map(([k, v]) => [k.slice(7), v]),
  );
}
