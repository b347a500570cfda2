import type { RequestContext } from '../../platform/http/context';
import type { FieldErrors } from '../../platform/http/errors';
import { translator } from '../../platform/i18n';
import { messages } from './messages';
import type * as reports from './report.service';

// The report form's input as the form code reads it (shared with the Dreckpetze form, which posts the same fields).
// Multipart bodies are read by the platform's multipartForm (platform/http/multipart-form.ts).

export function translateProblems(ctx: RequestContext, problems: reports.Problems): FieldErrors {
  const t = translator(messages, ctx.locale);
  return Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, t(p.key, p.params)]));
}

/** The answers to a category's extra questions: fields named answer.<code>. */
export function answersFrom(fields: Record<string, string | string[] | undefined>): Record<string, string | string[] | undefined> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith('answer.'))
      .map(([k, v]) => [k.slice(7), v]),
  );
}
