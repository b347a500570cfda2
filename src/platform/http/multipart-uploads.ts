import { readdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { safeEqual } from '../security/tokens';
import { AppError } from './errors';
import { maxBodyBytes, readMultipartBody, UPLOAD_FOLDER_PREFIX, type UploadedFile, type UploadLimits, type UploadProblem } from './multipart-body';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes that take files declare their limits here; every other route refuses a multipart body unread. */
    uploads?: UploadLimits;
  }
  interface FastifyRequest {
    /** The files of a multipart body on a route with `config.uploads` (removed after the answer), else null. */
    uploads: { files: UploadedFile[]; problem: UploadProblem | null } | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Multipart bodies, read as a stream by the body parser: on a route that takes no files they are refused before
 * a byte is read (415; Fastify closes the connection after a parser's error, so the rest is never taken in); on
 * a route with `config.uploads` fields reach `request.body` (so the platform's CSRF check sees the form token)
 * and files go to a temporary folder under os.tmpdir(), removed once the answer is made (or the client left first).
 */
export function registerMultipart(app: FastifyInstance): void {
  app.decorateRequest('uploads', null);
  const folders = new WeakMap<FastifyRequest, string>();
  /** Requests whose handler may still read their files. */
  const handling = new WeakSet<FastifyRequest>();
  const clean = (request: FastifyRequest) => {
    const folder = folders.get(request);
    if (!folder) return;
    folders.delete(request);
    return rm(folder, { recursive: true, force: true }).catch((err: unknown) => request.log.warn({ err }, 'temporary upload folder not removed'));
  };

  app.addContentTypeParser('multipart/form-data', async (request: FastifyRequest, payload: IncomingMessage) => {
    // A path nothing answers: the 404 or 405 says more than a refusal of the body would; the body stays unread.
    if (request.is404) return {};
    const limits = request.routeOptions.config.uploads;
    if (!limits) throw new AppError('unsupported_media_type');
    if (Number(request.headers['content-length']) > maxBodyBytes(limits)) throw new AppError('payload_too_large');
    const expected = request.ctx?.csrfToken;
    const tokenOk =
      STATE_CHANGING.has(request.method) && request.routeOptions.config.csrf !== false
        ? (token: string) => typeof expected === 'string' && expected.length > 0 && safeEqual(expected, token)
        : null;
    const header = request.headers['x-csrf-token'];
    const body = await readMultipartBody({
      headers: request.headers,
      payload,
      limits,
      tokenOk,
      headerToken: typeof header === 'string' && tokenOk !== null && tokenOk(header),
    });
    request.uploads = { files: body.files, problem: body.problem };
    if (body.dir) {
      folders.set(request, body.dir);
      // The whole body arrived, so the handler runs and answers even if the client has gone meanwhile (a phone that
      // lost its signal after sending a report still gets it saved): the files stay until its answer.
      handling.add(request);
    }
    return body.fields;
  });

  app.addHook('onRequest', async (request, reply) => {
    // 'close' comes after every answer, and when a client leaves: before the body was read through, the parser
    // has removed what it wrote; while a handler works on the files, onSend removes them when it answers.
    reply.raw.once('close', () => {
      if (!handling.has(request)) void clean(request);
    });
  });
  // Every answer passes here once the handler (or the error handler) is done, also for a client that has left.
  app.addHook('onSend', async (request) => {
    handling.delete(request);
    await clean(request);
  });
  void removeStaleFolders(os.tmpdir(), 6 * 3600 * 1000);
}

/** Folders a killed process left behind (kill -9 skips every hook): removed at start once hours old. */
export async function removeStaleFolders(root: string, olderThanMs: number): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(UPLOAD_FOLDER_PREFIX))) {
    const folder = path.join(root, name);
    const info = await stat(folder).catch(() => null);
    if (info && Date.now() - info.mtimeMs > olderThanMs) await rm(folder, { recursive: true, force: true }).catch(() => {});
  }
}
