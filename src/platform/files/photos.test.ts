import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blurRegions, processPhoto, readGps, sniffImageType } from './photos';

async function jpeg(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();
}

/** A JPEG with GPS and camera EXIF, written by sharp's own EXIF support. */
async function jpegWithGps() {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7' } })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'X1', Artist: 'Erika Mustermann' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 5142/100', GPSLongitudeRef: 'E', GPSLongitude: '7/1 27/1 5832/100' },
    })
    .jpeg()
    .toBuffer();
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe('photo intake', () => {
  it('recognises images by content, not by name', async () => {
    expect(sniffImageType(await jpeg(10, 10))).toBe('jpeg');
    expect(
      sniffImageType(
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
      ),
    ).toBe('png');
    expect(
      sniffImageType(
        await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
          .webp()
          .toBuffer(),
      ),
    ).toBe('webp');
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(await processPhoto(Buffer.from('GIF89a......'), 1e6)).toEqual({ problem: 'type' });
  });

  it('resizes, re-encodes and removes all metadata after reading GPS', async () => {
    const original = await jpegWithGps();
    const gps = await readGps(original);
    expect(gps?.lat).toBeCloseTo(51.5143, 3);
    expect(gps?.lon).toBeCloseTo(7.4662, 3);
    const result = await processPhoto(original, 15e6);
    if ('problem' in result) throw new Error(result.problem);
    expect(result.gps?.lat).toBeCloseTo(51.5143, 3);
    for (const variant of Object.values(result.variants)) {
      const meta = await sharp(variant).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.format).toBe('jpeg');
      expect(await readGps(variant)).toBeNull();
      expect(variant.includes(Buffer.from('Mustermann'))).toBe(false);
    }
    expect((await sharp(result.variants.thumb).metadata()).width).toBe(480);
  });

  it('refuses oversized, enormous and broken images', async () => {
    expect(await processPhoto(await jpeg(100, 100), 10)).toEqual({ problem: 'tooLarge' });
    // A decompression bomb: a tiny PNG whose header claims 20000×20000 pixels (1.2 GB decoded).
    expect(await processPhoto(await pngClaiming(20000, 20000), 15e6)).toEqual({ problem: 'dimensions' });
    expect(await processPhoto(await pngClaiming(15000, 100), 15e6)).toEqual({ problem: 'dimensions' });
    const truncated = (await jpeg(1200, 900)).subarray(0, 2000);
    expect(await processPhoto(truncated, 15e6)).toEqual({ problem: 'corrupt' });
  });

  it('blurs a region into a new file', async () => {
    const stripes = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#fff' } })
      .composite([
        {
          input: await sharp({ create: { width: 10, height: 100, channels: 3, background: '#000' } })
            .png()
            .toBuffer(),
          left: 50,
          top: 0,
        },
      ])
      .jpeg()
      .toBuffer();
    const blurred = await blurRegions(stripes, [{ x: 0, y: 0, w: 0.5, h: 1 }]);
    expect(blurred.equals(stripes)).toBe(false);
    const px = async (img: Buffer) => (await sharp(img).extract({ left: 54, top: 50, width: 1, height: 1 }).raw().toBuffer())[0]!;
    expect(await px(stripes)).toBeLessThan(40);
    expect(await px(blurred)).toBeGreaterThan(60);
  });
});
