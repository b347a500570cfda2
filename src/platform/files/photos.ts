import exifr from 'exifr';
import sharp from 'sharp';

// Photo intake: check by content, refuse huge pixel counts before decoding, read GPS, strip all metadata.

export type PhotoProblem = 'type' | 'tooLarge' | 'dimensions' | 'corrupt';

export const PHOTO_SIZES = { large: 1600, thumb: 480 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;
const MAX_PIXELS = 50_000_000;
const MAX_SIDE = 12_000;

export function sniffImageType(data: Buffer): 'jpeg' | 'png' | 'webp' | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (data.length >= 12 && data.toString('ascii', 0, 4) === 'RIFF' && data.toString('ascii', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export interface ProcessedPhoto {
  width: number;
  height: number;
  /** Re-encoded JPEGs without any metadata, keyed by size. */
  variants: Record<PhotoSize, Buffer>;
  gps: { lat: number; lon: number } | null;
}

export async function readGps(data: Buffer): Promise<{ lat: number; lon: number } | null> {
  try {
    const gps = await exifr.gps(data);
    if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)) return { lat: gps.latitude, lon: gps.longitude };
  } catch {
    // No or broken EXIF: a photo without a location is fine.
  }
  return null;
}

export async function processPhoto(data: Buffer, maxBytes: number): Promise<ProcessedPhoto | { problem: PhotoProblem }> {
  if (data.length > maxBytes) return { problem: 'tooLarge' };
  if (!sniffImageType(data)) return { problem: 'type' };
  let meta: { width?: number | undefined; height?: number | undefined };
  try {
    // Reads the header only: dimensions are known before a single pixel is decoded.
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    return { problem: 'corrupt' };
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w === 0 || h === 0 || w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) return { problem: 'dimensions' };
  const gps = await readGps(data);
  try {
    // The camera original is decoded once (JPEG shrink-on-load makes that cheap); the thumbnail is made from
    // the large variant, which costs a fraction of decoding 12 megapixels a second time.
    const large = await sharp(data, { limitInputPixels: MAX_PIXELS, failOn: 'truncated' })
      .rotate()
      .resize({ width: PHOTO_SIZES.large, height: PHOTO_SIZES.large, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(large.data)
      .resize({ width: PHOTO_SIZES.thumb, height: PHOTO_SIZES.thumb, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 72, mozjpeg: false })
      .toBuffer();
    return { width: large.info.width, height: large.info.height, variants: { large: large.data, thumb }, gps };
  } catch {
    return { problem: 'corrupt' };
  }
}

/** Blurs rectangles (fractions of width/height) into a new image: the original stays untouched. */
export async function blurRegions(jpeg: Buffer, regions: Array<{ x: number; y: number; w: number; h: number }>): Promise<Buffer> {
  const image = sharp(jpeg);
  const { width = 0, height = 0 } = await image.metadata();
  const overlays = await Promise.all(
    regions.map(async (r) => {
      const left = Math.max(0, Math.min(width - 1, Math.round(r.x * width)));
      const top = Math.max(0, Math.min(height - 1, Math.round(r.y * height)));
      const w = Math.max(1, Math.min(width - left, Math.round(r.w * width)));
      const h = Math.max(1, Math.min(height - top, Math.round(r.h * height)));
      const patch = await sharp(jpeg)
        .extract({ left, top, width: w, height: h })
        .blur(Math.max(8, Math.round(Math.min(w, h) / 6)))
        .toBuffer();
      return { input: patch, left, top };
    }),
  );
  return sharp(jpeg).composite(overlays).jpeg({ quality: 80 }).toBuffer();
}
