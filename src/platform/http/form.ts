/** Bodies of urlencoded forms: repeated names become arrays; everything else is a string. */
export type FormBody = Record<string, string | string[] | undefined>;

/**
 * Any parsed body in the shape of a form. A JSON body (no form sends one, but any client can, and Fastify
 * parses it on every route) may hold numbers, objects or null where a form has text: numbers and booleans
 * become text, everything else counts as missing, so handlers never meet a type a form could not send.
 */
export function asForm(body: unknown): FormBody {
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return {};
  const form: FormBody = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '__proto__') continue;
    const items = (Array.isArray(value) ? value : [value]).map(asText).filter((v): v is string => v !== null);
    if (items.length > 0) form[name] = Array.isArray(value) ? items : items[0];
  }
  return form;
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/** The trimmed value of one field; a tampered array becomes its first value. */
export function field(body: FormBody, name: string): string {
  const v = body[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.replace(/\r\n/g, '\n').trim() : '';
}

export function fieldList(body: FormBody, name: string): string[] {
  const v = body[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v])
    .filter((s) => typeof s === 'string')
    .map((s) => s.trim())
    .filter(Boolean);
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export function normaliseEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** Only same-site paths: an open redirect would turn our login links into phishing links. */
export function safeReturnPath(value: string, fallback = '/'): string {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') && !/[\r\n]/.test(value) ? value : fallback;
}
