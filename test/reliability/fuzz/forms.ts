// The "schema" of a form endpoint is the form the server renders. These helpers read forms and links out of
// our own HTML (well-formed, attribute values quoted by preact), which a few regular expressions can do.

export interface FormField {
  name: string;
  /** input type, or select / textarea / button */
  type: string;
  /** The rendered value, or every option of a select. */
  values: string[];
  maxLength?: number;
}

export interface FoundForm {
  action: string;
  method: 'get' | 'post';
  multipart: boolean;
  fields: FormField[];
  /** The page the form was found on (for failure reports). */
  page: string;
}

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    out[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

export function parseForms(html: string, page: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(m[1]!);
    const inner = m[2]!;
    const fields: FormField[] = [];
    const add = (f: FormField) => {
      const same = fields.find((x) => x.name === f.name);
      if (same) same.values.push(...f.values);
      else fields.push(f);
    };
    for (const input of inner.matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(input[1]!);
      if (!a.name) continue;
      const mode = (a.inputmode ?? '').toLowerCase();
      const type = mode === 'numeric' || mode === 'decimal' ? 'number' : (a.type ?? 'text').toLowerCase();
      if (type === 'image') {
        add({ name: `${a.name}.x`, type: 'number', values: ['10'] });
        add({ name: `${a.name}.y`, type: 'number', values: ['10'] });
        continue;
      }
      add({
        name: a.name,
        type,
        values: a.value !== undefined ? [a.value] : type === 'checkbox' ? ['on'] : [],
        maxLength: a.maxlength ? Number(a.maxlength) : undefined,
      });
    }
    for (const select of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const a = attributes(select[1]!);
      if (!a.name) continue;
      const values = [...select[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((o) => attributes(o[1]!).value ?? decode(o[2]!.trim()));
      add({ name: a.name, type: 'select', values });
    }
    for (const area of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const a = attributes(area[1]!);
      if (a.name)
        add({
          name: a.name,
          type: 'textarea',
          values: [decode(area[2]!)],
          maxLength: a.maxlength ? Number(a.maxlength) : undefined,
        });
    }
    for (const button of inner.matchAll(/<button\b([^>]*)>/gi)) {
      const a = attributes(button[1]!);
      if (a.name) add({ name: a.name, type: 'button', values: a.value !== undefined ? [a.value] : [''] });
    }
    const form: FoundForm = {
      action: attrs.action || page,
      method: (attrs.method ?? 'get').toLowerCase() === 'post' ? 'post' : 'get',
      multipart: (attrs.enctype ?? '').toLowerCase() === 'multipart/form-data',
      fields,
      page,
    };
    forms.push(form);
    // A button with formaction sends the same fields elsewhere (the no-JavaScript map picker does).
    for (const action of new Set([...inner.matchAll(/<(?:button|input)\b([^>]*\bformaction=[^>]*)>/gi)].map((b) => attributes(b[1]!).formaction!))) {
      forms.push({ ...form, action, multipart: false });
    }
  }
  return forms;
}

/** Same-site links (href and src), as written in the page. */
export function parseLinks(html: string): string[] {
  const links: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="(\/[^"/][^"]*|\/)"/g)) links.push(decode(m[1]!));
  return links;
}
