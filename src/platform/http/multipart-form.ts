import type { FastifyRequest } from 'fastify';
import { asForm, type FormBody } from './form';
import type { UploadedFile, UploadProblem } from './multipart-body';

export type { UploadedFile, UploadLimits, UploadProblem } from './multipart-body';

const MIB = 1024 * 1024;

/**
 * A form posted to a route with `config.uploads`, as its handler reads it: the text fields (a repeated name
 * becomes an array), the non-empty files of the route's file field in the order sent (as temporary files, read
 * them only when needed), and the limit the upload passed, if any. The same form sent urlencoded (no files) reads
 * the same way.
 */
export function multipartForm(request: FastifyRequest): { fields: FormBody; files: UploadedFile[]; problem: UploadProblem | null } {
  return { fields: asForm(request.body), files: request.uploads?.files ?? [], problem: request.uploads?.problem ?? null };
}

/** Whole megabytes for messages ("15 MB"); limits are set in MiB. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / MIB);
}
