import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

// Multipart bodies for tests: whole (for inject) or as a stream of any size that never sits in memory.

export const BOUNDARY = '----kuemmerer-upload-test';
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

export type MultipartPart = { name: string; value: string } | { name: string; filename: string; data: Buffer | number; type?: string };

function head(p: MultipartPart): Buffer {
  const disposition = 'value' in p ? `name="${p.name}"` : `name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'image/jpeg'}`;
  return Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n`);
}

const partLength = (p: MultipartPart) => head(p).length + ('value' in p ? Buffer.byteLength(p.value) : typeof p.data === 'number' ? p.data : p.data.length) + 2;
const TAIL = Buffer.from(`--${BOUNDARY}--\r\n`);

/** The whole body, for inject(); a file given as a number is that many bytes of 0xff. */
export function multipartBody(parts: MultipartPart[]): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(head(p), 'value' in p ? Buffer.from(p.value) : typeof p.data === 'number' ? Buffer.alloc(p.data, 0xff) : p.data, Buffer.from('\r\n'));
  }
  chunks.push(TAIL);
  return { payload: Buffer.concat(chunks), headers: { 'content-type': MULTIPART_TYPE } };
}

export function multipartLength(parts: MultipartPart[]): number {
  return parts.reduce((n, p) => n + partLength(p), 0) + TAIL.length;
}

/** The body chunk by chunk: big files are the same 64 KiB block again and again, so a test can send gigabytes. */
export function* multipartChunks(parts: MultipartPart[]): Generator<Buffer> {
  const block = Buffer.alloc(64 * 1024, 0xff);
  for (const p of parts) {
    yield head(p);
    if ('value' in p) yield Buffer.from(p.value);
    else if (typeof p.data !== 'number') yield p.data;
    else for (let left = p.data; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
    yield Buffer.from('\r\n');
  }
  yield TAIL;
}

export interface RawAnswer {
  /** 0: the server closed the connection before its answer could be read (it may refuse a body and close). */
  status: number;
  /** The socket error that ended the request, when there was no answer. */
  error?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Bytes of the body written before the answer came (or the connection closed). */
  sent: number;
}

/**
 * POSTs a multipart body over real HTTP, writing as the server takes it, and resolves with the answer as soon as
 * it comes, even when the server answers before the body is complete (then the rest is never sent).
 * `stopAfter` stops writing after that many body bytes without ending the request (a client that stalls).
 */
export function postMultipart(url: string, parts: MultipartPart[], options: MultipartOptions = {}): Promise<RawAnswer> {
  return startMultipart(url, parts, options).answer;
}

export interface MultipartOptions {
  headers?: Record<string, string>;
  chunked?: boolean;
  stopAfter?: number;
}

/** As postMultipart, with a way to leave in the middle (a client that goes away). */
export function startMultipart(url: string, parts: MultipartPart[], options: MultipartOptions = {}): { answer: Promise<RawAnswer>; abort(): void } {
  let req: http.ClientRequest | null = null;
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    const length = multipartLength(parts);
    const r = http.request(url, {
      method: 'POST',
      headers: { 'content-type': MULTIPART_TYPE, ...(options.chunked ? {} : { 'content-length': String(length) }), ...(options.headers ?? {}) },
    });
    req = r;
    let sent = 0;
    let answered = false;
    const chunks = multipartChunks(parts);
    const pump = () => {
      while (!answered && !r.destroyed) {
        if (options.stopAfter !== undefined && sent >= options.stopAfter) return;
        const next = chunks.next();
        if (next.done) return void r.end();
        sent += next.value.length;
        if (!r.write(next.value)) return void r.once('drain', pump);
      }
    };
    r.on('response', (res) => {
      answered = true;
      const body: Buffer[] = [];
      res.on('data', (d: Buffer) => body.push(d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(body).toString('utf8'), sent });
        r.destroy();
      });
    });
    // A server that refuses a body answers and closes at once: a client still writing may then meet the closed
    // connection (EPIPE, ECONNRESET) before it reads the answer, as browsers sometimes do.
    r.on('error', (err: NodeJS.ErrnoException) => {
      if (answered) return;
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') resolve({ status: 0, error: err.code, headers: {}, body: '', sent });
      else reject(err);
    });
    pump();
  });
  return { answer, abort: () => req?.destroy() };
}

/** The upload folders under a temporary directory (each request that wrote a file has one until it is answered). */
export function uploadFolders(tmp: string): string[] {
  if (!existsSync(tmp)) return [];
  return readdirSync(tmp)
    .filter((n) => n.startsWith('kuemmerer-upload-'))
    .map((n) => path.join(tmp, n));
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return condition();
}
