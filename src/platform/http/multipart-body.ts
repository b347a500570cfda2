import type { FastifyRequest } from 'fastify';

/**
 * Reads a multipart body into key/value pairs (strings for fields, Buffers for files; repeated names become
 * arrays), like @fastify/multipart's `attachFieldsToBody: 'keyValues'`, which it replaces. The plugin lets
 * the parser's own errors through without a status ("Unexpected end of multipart data" for a cut-off
 * upload), so every error handler answered a broken upload with 500; here they become a 400.
 */
export async function readMultipartBody(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const body: Record<string, unknown> = {};
  const add = (name: string, value: unknown) => {
    const existing = body[name];
    if (existing === undefined) body[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else body[name] = [existing, value];
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') add(part.fieldname, await part.toBuffer());
      else add(part.fieldname, part.value);
    }
  } catch (err) {
    // The plugin's own errors (file too large, too many parts, prototype names) carry their status already.
    if (typeof (err as { statusCode?: unknown }).statusCode === 'number') throw err;
    throw new MalformedMultipartError(err);
  }
  request.body = body;
}

export class MalformedMultipartError extends Error {
  readonly statusCode = 400;
  readonly code = 'KUE_MALFORMED_MULTIPART';
  constructor(cause: unknown) {
    super('malformed multipart body', { cause });
  }
}
