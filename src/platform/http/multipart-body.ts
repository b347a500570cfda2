import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Busboy, { type BusboyFileStream } from '@fastify/busboy';
import { AppError } from './errors';

/**
 * What a route that takes files accepts (declared as `config.uploads` on the route). A route without it takes
 * no multipart body at all (see multipart-uploads.ts).
 */
export interface UploadLimits {
  /** The one field that carries files; files under any other name are read past and dropped. */
  field: string;
  maxFiles: number;
  maxFileBytes: number;
  /** All kept files together. */
  maxTotalBytes: number;
  /**
   * The whole body, read at most. Past a soft limit (count, size) the rest is read and thrown away, so that the
   * text fields sent after the files still reach the form; this bounds that. Default: 2 × maxTotalBytes + 1 MiB.
   */
  maxBodyBytes?: number;
}

/** A file streamed to a temporary file; the file is removed when the response is done. */
export interface UploadedFile {
  path: string;
  /** As the browser named it (for messages only: never a path on our side). */
  filename: string;
  mimeType: string;
  size: number;
  /** Hex SHA-256 of the content, computed while streaming (idempotency fingerprints need it). */
  sha256: string;
}

/** A limit the upload passed: the route shows its form again with this message and the text input kept. */
export type UploadProblem = { kind: 'count'; max: number } | { kind: 'fileSize'; max: number; filename: string } | { kind: 'totalSize'; max: number };

export interface MultipartBody {
  fields: Record<string, string | string[]>;
  files: UploadedFile[];
  problem: UploadProblem | null;
  /** The request's temporary folder (null when no file was written); the caller removes it. */
  dir: string | null;
}

/** Text fields are held in memory, so they are bounded together (as urlencoded bodies are by bodyLimit). */
export const FIELD_LIMITS = { count: 200, bytesEach: 64 * 1024, bytesTotal: 1024 * 1024 } as const;

/** Each request's files go to a folder of its own under os.tmpdir(), named with this prefix. */
export const UPLOAD_FOLDER_PREFIX = 'kuemmerer-upload-';

export function maxBodyBytes(limits: UploadLimits): number {
  return limits.maxBodyBytes ?? 2 * limits.maxTotalBytes + FIELD_LIMITS.bytesTotal;
}

/**
 * Streams a multipart body: text fields into memory (bounded), files of the route's file field to a fresh
 * temporary folder, hashing as they go. Nothing but the current chunk of a file is ever in memory.
 *
 * `tokenOk` checks the CSRF token when its field arrives: a wrong token, or a file before any valid token, stops
 * reading at once (403), so a forged upload never reaches the disk. Our forms send the token as their first
 * field. `headerToken` says the token came valid in a header, which allows files from the start.
 *
 * Hard failures (forged token, body over maxBodyBytes, fields over their bounds, broken multipart) reject with
 * an AppError after removing what was written; passing a soft limit (too many files, a file or all files too
 * large) resolves with `problem` set and no files.
 */
export function readMultipartBody(options: {
  headers: IncomingHttpHeaders;
  payload: Readable;
  limits: UploadLimits;
  /** Null when the route needs no token. */
  tokenOk: ((token: string) => boolean) | null;
  headerToken?: boolean;
  tmpRoot?: string;
}): Promise<MultipartBody> {
  const { headers, payload, limits, tokenOk } = options;
  const tmpRoot = options.tmpRoot ?? os.tmpdir();
  const bodyMax = maxBodyBytes(limits);
  let tokenChecked = tokenOk === null || options.headerToken === true;
  let tokenSeen = false;

  const fields: Record<string, string | string[]> = {};
  const kept: Array<UploadedFile | null> = [];
  const writing: Array<Promise<void>> = [];
  const open = new Set<Transform>();
  let problem: UploadProblem | null = null;
  let dir: Promise<string> | null = null;
  let counted = 0;
  let fileBytes = 0;
  let fieldBytes = 0;
  let bodyBytes = 0;
  let sawData = false;
  let settled = false;

  return new Promise<MultipartBody>((resolve, reject) => {
    const note = (p: UploadProblem) => {
      problem ??= p;
    };

    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sawData = true;
        bodyBytes += chunk.length;
        if (bodyBytes > bodyMax) return done(new AppError('payload_too_large'));
        done(null, chunk);
      },
    });

    async function removeAll(): Promise<void> {
      for (const t of open) t.destroy();
      await Promise.allSettled(writing);
      const folder = dir ? await dir.catch(() => null) : null;
      if (folder) await rm(folder, { recursive: true, force: true }).catch(() => {});
    }

    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      // The request stream stays open (destroying it would drop the answer too): we stop reading it, and the
      // answer closes the connection (Fastify sets Connection: close when a body parser fails).
      payload.unpipe(counter);
      counter.unpipe(bb);
      payload.pause();
      void removeAll().then(() => reject(err));
    };

    let bb: ReturnType<typeof Busboy>;
    try {
      bb = Busboy({
        headers: headers as IncomingHttpHeaders & { 'content-type': string },
        limits: {
          fieldSize: FIELD_LIMITS.bytesEach,
          fields: FIELD_LIMITS.count,
          // Files past maxFiles are read past (the fields after them are still wanted), not refused by busboy.
          parts: FIELD_LIMITS.count + limits.maxFiles + 100,
          fileSize: limits.maxFileBytes,
          headerPairs: 20,
        },
      });
    } catch {
      // No or a broken boundary.
      reject(new AppError('bad_request'));
      return;
    }

    bb.on('field', (name, value, nameTruncated, valueTruncated) => {
      if (settled) return;
      // Prototype names could reach code that reads the fields as an object.
      if (name in Object.prototype) return fail(new AppError('bad_request'));
      fieldBytes += name.length + value.length;
      if (nameTruncated || valueTruncated || fieldBytes > FIELD_LIMITS.bytesTotal) return fail(new AppError('payload_too_large'));
      if (name === '_csrf' && tokenOk && !tokenSeen) {
        // The first token field decides, as in the platform's check (the body's token before the header's).
        tokenSeen = true;
        if (!tokenOk(value)) return fail(new AppError('csrf_invalid'));
        tokenChecked = true;
      }
      const existing = fields[name];
      if (existing === undefined) fields[name] = value;
      else if (Array.isArray(existing)) existing.push(value);
      else fields[name] = [existing, value];
    });

    bb.on('file', (name, stream: BusboyFileStream, filename, _encoding, mimeType) => {
      // A part cut off also fails busboy itself, which is what answers; a stream read past must not throw it again.
      stream.on('error', () => {});
      if (settled) return void stream.resume();
      if (!tokenChecked) {
        stream.resume();
        return fail(new AppError('csrf_invalid'));
      }
      // Another field's files, an empty file input (the browser sends filename=""), or anything after a limit
      // was passed: read past it.
      if (name !== limits.field || filename === '' || problem) return void stream.resume();
      if (counted >= limits.maxFiles) {
        note({ kind: 'count', max: limits.maxFiles });
        return void stream.resume();
      }
      const index = counted++;
      kept.push(null);
      writing.push(
        writeFile(index, stream, filename, mimeType).catch((err: Error & { syscall?: string }) => {
          // The disk's own failures (full, no access) are ours: a 500 with a reference. A part that breaks off is
          // the request's.
          fail(err instanceof AppError || err.syscall ? err : new AppError('bad_request'));
        }),
      );
    });

    async function writeFile(index: number, stream: BusboyFileStream, filename: string, mimeType: string): Promise<void> {
      const hash = createHash('sha256');
      let size = 0;
      let dropped = false;
      stream.on('limit', () => {
        dropped = true;
        note({ kind: 'fileSize', max: limits.maxFileBytes, filename: filename.slice(0, 120) });
      });
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          if (dropped || problem) {
            dropped = true;
            return done();
          }
          if (fileBytes + chunk.length > limits.maxTotalBytes) {
            dropped = true;
            note({ kind: 'totalSize', max: limits.maxTotalBytes });
            return done();
          }
          fileBytes += chunk.length;
          size += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      open.add(meter);
      // Joined at once: a part that breaks off while the folder is being made must fail the meter, not the process.
      stream.on('error', (err) => meter.destroy(err));
      stream.pipe(meter);
      dir ??= mkdtemp(path.join(tmpRoot, UPLOAD_FOLDER_PREFIX));
      const target = path.join(await dir, `${index}.upload`);
      // Failed while the folder was being made: a pipeline from a destroyed stream would never settle.
      if (meter.destroyed) {
        open.delete(meter);
        throw new AppError('bad_request');
      }
      try {
        await pipeline(meter, createWriteStream(target, { mode: 0o600 }));
      } finally {
        open.delete(meter);
      }
      if (dropped || stream.truncated || size === 0) {
        fileBytes -= size;
        await unlink(target).catch(() => {});
        return;
      }
      kept[index] = { path: target, filename: filename.slice(0, 255), mimeType, size, sha256: hash.digest('hex') };
    }

    bb.on('fieldsLimit', () => fail(new AppError('payload_too_large')));
    bb.on('partsLimit', () => fail(new AppError('payload_too_large')));
    bb.on('error', (err: unknown) => {
      // An empty body is an empty form, as before; anything else that does not parse is a bad request.
      if (!sawData && err instanceof Error && /Unexpected end/.test(err.message)) return finish();
      fail(new AppError('bad_request'));
    });
    bb.on('finish', () => finish());
    counter.on('error', (err) => fail(err instanceof AppError ? err : new AppError('bad_request')));
    payload.on('error', () => fail(new AppError('bad_request')));
    // A client that goes away mid-upload: busboy would wait for the rest for ever.
    payload.on('close', () => {
      if (!payload.readableEnded) fail(new AppError('bad_request'));
    });

    async function finish(): Promise<void> {
      await Promise.allSettled(writing);
      if (settled) return;
      settled = true;
      const files = kept.filter((f): f is UploadedFile => f !== null);
      if (problem) {
        // Nothing of a refused upload is used: the route shows the form again and the person chooses again.
        await removeAll();
        resolve({ fields, files: [], problem, dir: null });
        return;
      }
      resolve({ fields, files, problem: null, dir: dir ? await dir : null });
    }

    payload.pipe(counter).pipe(bb);
  });
}
