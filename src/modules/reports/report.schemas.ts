import { Type } from 'typebox';
import { PHOTO_SIZES, type PhotoSize } from '../../platform/files/photos';
import { Id } from '../../platform/http/schemas';

const PHOTO_FILES = Object.keys(PHOTO_SIZES).map((size) => `${size}.jpg`);

/** /fotos/:id/:file and /verwaltung/fotos/:id/:file: a photo id and one of the sizes we keep, as JPEG. */
export const PhotoParams = Type.Object({
  id: Id,
  file: Type.Enum(PHOTO_FILES, { description: `One of ${PHOTO_FILES.join(', ')}` }),
});

export function photoSize(file: string): PhotoSize {
  return file.slice(0, -'.jpg'.length) as PhotoSize;
}
