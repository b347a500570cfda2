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

// What browsers remove from a URL before they parse it (WHATWG URL: tab and newlines anywhere, C0 controls and
// spaces at either end); a Location of "/\t/evil.example" is read as "//evil.example", another host.
function asBrowsersReadIt(value: string): string {
  const s = value.replaceAll('\t', '').replaceAll('\n', '').replaceAll('\r', '');
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) <= 0x20) start++;
  while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
  return s.slice(start, end);
}

const SAME_ORIGIN = 'http://return-path.invalid';

/**
 * A return target made safe: only a path on this site, as browsers will read it. The value is cleaned the way a
 * browser cleans a Location, parsed with the WHATWG URL parser (backslash counts as a slash in http URLs), and
 * accepted only if it stays on our origin and its path does not start with two slashes (which "/.//x" or
 * "/a/..//x" become); the parser's own serialisation is returned, so what we send is what was checked.
 * Every return/next target (sign-in, language switch, back-office forms) goes through here: an open redirect
 * would turn our sign-in links into phishing links.
 */
export function safeReturnPath(value: string, fallback = '/'): string {
  const cleaned = asBrowsersReadIt(value);
  if (!cleaned.startsWith('/') || cleaned.startsWith('//') || cleaned.startsWith('/\\')) return fallback;
  let url: URL;
  try {
    url = new URL(cleaned, SAME_ORIGIN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== SAME_ORIGIN || !path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}
