import type { RequestContext } from '../../platform/http/context';
import type { FieldErrors } from '../../platform/http/errors';
import { megabytes, type UploadLimits, type UploadProblem } from '../../platform/http/multipart-form';
import { translator } from '../../platform/i18n';
import { messages } from './messages';
import { LIMITS } from './report';
import type * as reports from './report.service';

// The report form's input as the form code reads it (shared with the Dreckpetze form, which posts the same fields).
// Multipart bodies are streamed by the platform (platform/http/multipart-uploads.ts) and read with multipartForm.

/** What /melden takes: its photos, streamed to temporary files (the form sends its CSRF token first). */
export const PHOTO_UPLOADS: UploadLimits = {
  field: 'photos',
  maxFiles: LIMITS.photosMax,
  maxFileBytes: LIMITS.photoBytesMax,
  maxTotalBytes: LIMITS.photosBytesTotal,
};

export function translateProblems(ctx: RequestContext, problems: reports.Problems): FieldErrors {
  const t = translator(messages, ctx.locale);
  return Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, t(p.key, p.params)]));
}

/** The photo field's message for an upload over its limits: the limit it passed, by name and number. */
export function uploadProblemText(ctx: RequestContext, problem: UploadProblem): string {
  const t = translator(messages, ctx.locale);
  switch (problem.kind) {
    case 'count':
      return t('err.photoCount', { max: problem.max });
    case 'fileSize':
      return t('err.photoTooLarge', { file: problem.filename.slice(0, 80) || 'Foto', mb: megabytes(problem.max) });
    case 'totalSize':
      return t('err.photosTotal', { mb: megabytes(problem.max) });
  }
}

/** The answers to a category's extra questions: fields named answer.<code>. */
export function answersFrom(fields: Record<string, string | string[] | undefined>): Record<string, string | string[] | undefined> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith('answer.'))
      .map(([k, v]) => [k.slice(7), v]),
  );
}
