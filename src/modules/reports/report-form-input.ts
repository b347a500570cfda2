import type { RequestContext } from '../../platform/http/context';
import type { FieldErrors } from '../../platform/http/errors';
import { type FormBody, field } from '../../platform/http/form';
import { megabytes, type UploadLimits, type UploadProblem } from '../../platform/http/multipart-form';
import { translator } from '../../platform/i18n';
import { messages } from './messages';
import { LIMITS } from './report';
import type * as reports from './report.service';
import type { Step2Draft } from './views/report-form';

// The report form's input as the form code reads it (shared with the Dreckpetze form, which posts the same fields).
// Multipart bodies are streamed by the platform (platform/http/multipart-uploads.ts) and read with multipartForm.

/** What /melden takes: its photos, streamed to temporary files (the form sends its CSRF token first). */
export const PHOTO_UPLOADS: UploadLimits = {
  field: 'photos',
  maxFiles: LIMITS.photosMax,
  maxFileBytes: LIMITS.photoBytesMax,
  maxTotalBytes: LIMITS.photosBytesTotal,
};

/**
 * The problems in the visitor's language. `addressSearch: false` (no GEOCODER_URL): "choose a place" names only the
 * ways this installation has, not an address search that is not there.
 */
export function translateProblems(ctx: RequestContext, problems: reports.Problems, options: { addressSearch?: boolean } = {}): FieldErrors {
  const t = translator(messages, ctx.locale);
  return Object.fromEntries(
    Object.entries(problems).map(([f, p]) => [f, p.key === 'err.location' && options.addressSearch === false ? t('err.locationNoSearch') : t(p.key, p.params)]),
  );
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

/**
 * Step two's input as a form carries it: the step-two form itself, or step one's hidden fields after "Ort oder
 * Kategorie ändern". Files cannot travel; `photosChosen` remembers that there were some, to ask for them again.
 */
export function draftFrom(fields: FormBody): Step2Draft {
  return {
    values: {
      description: field(fields, 'description'),
      name: field(fields, 'name'),
      email: field(fields, 'email'),
      showName: field(fields, 'showName') === '1',
      answers: answersFrom(fields),
    },
    // Sent as a plain form, a file field holds the chosen file's name.
    photosChosen: field(fields, 'photosChosen') === '1' || field(fields, 'photos') !== '',
  };
}

/** Whether a draft holds anything worth carrying (an empty one adds no hidden fields and changes no answer). */
export function hasDraft(draft: Step2Draft): boolean {
  const v = draft.values;
  const answered = Object.values(v.answers).some((a) => (Array.isArray(a) ? a.some((x) => x.trim() !== '') : Boolean(a?.trim())));
  return draft.photosChosen || v.showName || answered || [v.description, v.name, v.email].some((x) => x !== '');
}
