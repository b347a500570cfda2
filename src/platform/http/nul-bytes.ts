/**
 * True when a string anywhere in parsed input (query, path parameters, form or JSON body) holds a NUL
 * character. PostgreSQL text cannot store NUL, so such input used to fail deep inside a query with a 500;
 * no browser form sends it, so it is refused up front as a bad request.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 32) return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}
