/** Bodies of urlencoded forms: repeated names become arrays; everything else is a string. */
export type FormBody = Record<string, string | string[] | undefined>;

export function asForm(body: unknown): FormBody {
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

/** The trimmed value of one field; a tampered array becomes its first value. */
export function field(body: FormBody, name: string): string {
  const v = body[name];
  const s = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return s.replace(/\r\n/g, '\n').trim();
}

export function fieldList(body: FormBody, name: string): string[] {
  const v = body[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export function normaliseEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** Only same-site paths: an open redirect would turn our login links into phishing links. */
export function safeReturnPath(value: string, fallback = '/'): string {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') && !/[\r\n]/.test(value)
    ? value
    : fallback;
}
