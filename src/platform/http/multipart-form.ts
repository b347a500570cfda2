/**
 * A form posted as multipart, as a route reads it: the text fields (a repeated name becomes an array) and the
 * non-empty files of one file field, in the order sent. The body is what readMultipartBody (multipart-body.ts)
 * left: strings for fields, Buffers for files. Files under any other name are ignored, never taken for fields.
 */
export function multipartForm(body: unknown, fileField: string): { fields: Record<string, string | string[]>; files: Buffer[] } {
  const fields: Record<string, string | string[]> = {};
  const files: Buffer[] = [];
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const items = Array.isArray(value) ? value : [value];
    const strings = items.filter((v): v is string => typeof v === 'string');
    for (const v of items) if (Buffer.isBuffer(v) && key === fileField && v.length > 0) files.push(v);
    if (strings.length > 0) fields[key] = strings.length === 1 ? strings[0]! : strings;
  }
  return { fields, files };
}
