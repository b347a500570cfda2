// A report submission as a browser sends it: multipart with one ~3 MB camera photo. Every request gets its
// own idempotency key, e-mail and client address, so none is answered from the repeat path or rate-limited
// as one client: the benchmark measures a crowd, not one person pressing the button 10,000 times.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { CSRF_COOKIE, csrfTokenFor } from '../../src/platform/http/csrf';

/** A 12-megapixel JPEG of about `bytes` size: a gradient with noise, like a phone photo of a street. */
export async function cameraPhoto(bytes = 3 * 1024 * 1024): Promise<Buffer> {
  const width = 4032;
  const height = 3024;
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .raw()
    .toBuffer();
  let best: Buffer | null = null;
  for (const quality of [30, 45, 60, 70, 80, 88, 94]) {
    const jpeg = await sharp(noise, { raw: { width, height, channels: 3 } })
      .blur(1.2)
      .jpeg({ quality })
      .toBuffer();
    if (!best || Math.abs(jpeg.length - bytes) < Math.abs(best.length - bytes)) best = jpeg;
    if (jpeg.length > bytes) break;
  }
  return best!;
}

export interface SubmissionForm {
  categoryId: number;
  lat: number;
  lon: number;
  secret: string;
  /** The category's questions, answered as a resident would (required ones included). */
  answers: Record<string, string>;
}

export function answerFor(question: { datatype: string; options: Array<{ key: string }> }): string {
  if (question.datatype === 'singlevaluelist' || question.datatype === 'multivaluelist') return question.options[0]?.key ?? '';
  if (question.datatype === 'number') return '2';
  if (question.datatype === 'datetime') return new Date().toISOString().slice(0, 10);
  return 'etwa 30 cm breit';
}

export function submissionRequest(form: SubmissionForm, photo: Buffer) {
  const cookie = randomBytes(12).toString('hex');
  const fields: Record<string, string> = {
    _csrf: csrfTokenFor(form.secret, cookie),
    categoryId: String(form.categoryId),
    lat: form.lat.toFixed(6),
    lon: form.lon.toFixed(6),
    address: '',
    description: 'Schlagloch auf dem Radweg, etwa einen halben Meter breit. Radfahrer weichen auf die Fahrbahn aus.',
    name: '',
    email: `last-${randomBytes(6).toString('hex')}@example.org`,
    idempotencyKey: randomBytes(18).toString('base64url'),
    ...Object.fromEntries(Object.entries(form.answers).map(([code, value]) => [`answer.${code}`, value])),
  };
  const boundary = `----kuemmerer${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="IMG_0001.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`));
  parts.push(photo, Buffer.from(`\r\n--${boundary}--\r\n`));
  const ip = `198.51.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 254)}`;
  return {
    method: 'POST' as const,
    body: Buffer.concat(parts),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: `${CSRF_COOKIE}=${cookie}`,
      'x-forwarded-for': ip,
    },
  };
}
