import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with "/" between folders. */
  name: string;
  data: Uint8Array;
  /** Text compresses well; JPEG photos do not and are stored as they are. */
  compress: boolean;
  modified: Date;
}

/**
 * A ZIP written as a stream: each entry is asked for only when the previous one has been handed to the reader, so
 * an export with many photos holds one photo at a time, and a reader that goes away stops the work.
 */
export function zipStream(entries: AsyncIterable<ZipEntry>): Readable {
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      out.destroy(err);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.once('drain', done);
      out.once('close', done);
    });
  (async () => {
    for await (const entry of entries) {
      if (out.destroyed) return;
      const file = entry.compress ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
      file.mtime = entry.modified;
      zip.add(file);
      file.push(entry.data, true);
      if (out.writableNeedDrain) await drained();
    }
    zip.end();
  })().catch((err: unknown) => {
    zip.terminate();
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}
