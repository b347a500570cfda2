import { numberFormat, pluralRules } from './formatters';

// Messages are plain text with `{name}` placeholders and, for counts, an ICU-like plural:
//
//   '{n, plural, =0 {Keine Meldungen} one {# Meldung} other {# Meldungen}}'
//
// A branch is chosen by an exact `=N` first, then by the locale's plural category (Intl.PluralRules: zero, one,
// two, few, many, other — Arabic uses all six, Polish and Ukrainian one/few/many/other, German one/other), and
// `other` when the category has no branch. `#` in a branch is the count, formatted for the locale. Branches may
// hold placeholders. There is no escaping: a message cannot show a literal `{`.

export type Params = Record<string, string | number>;

type Part = string | { arg: string } | { arg: string; plural: Array<{ selector: string; parts: Part[] }> };

export class MessageSyntaxError extends Error {}

const parsed = new Map<string, Part[]>();

export function parseMessage(template: string): Part[] {
  let parts = parsed.get(template);
  if (!parts) {
    const state = { text: template, at: 0 };
    parts = parseParts(state, false);
    if (state.at < template.length) throw new MessageSyntaxError(`unexpected "}" at ${state.at}`);
    parsed.set(template, parts);
  }
  return parts;
}

function parseParts(s: { text: string; at: number }, inBranch: boolean): Part[] {
  const parts: Part[] = [];
  let literal = '';
  while (s.at < s.text.length) {
    const c = s.text[s.at]!;
    if (c === '}') {
      if (!inBranch) throw new MessageSyntaxError(`unexpected "}" at ${s.at}`);
      break;
    }
    if (c === '{') {
      if (literal) parts.push(literal);
      literal = '';
      parts.push(parseArgument(s));
      continue;
    }
    if (c === '#' && inBranch) {
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ arg: '#' });
      s.at++;
      continue;
    }
    literal += c;
    s.at++;
  }
  if (literal) parts.push(literal);
  return parts;
}

function parseArgument(s: { text: string; at: number }): Part {
  const open = s.at;
  s.at++; // {
  const head = /^\s*(\w+)\s*(?:,\s*(\w+)\s*,)?\s*/.exec(s.text.slice(s.at));
  if (!head) throw new MessageSyntaxError(`placeholder without a name at ${open}`);
  s.at += head[0].length;
  const arg = head[1]!;
  if (!head[2]) {
    if (s.text[s.at] !== '}') throw new MessageSyntaxError(`placeholder {${arg} is not closed at ${open}`);
    s.at++;
    return { arg };
  }
  if (head[2] !== 'plural') throw new MessageSyntaxError(`unknown kind "${head[2]}" in {${arg}, ${head[2]}, …}`);
  const branches: Array<{ selector: string; parts: Part[] }> = [];
  for (;;) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(s.text.slice(s.at));
    if (!selector) break;
    s.at += selector[0].length;
    const parts = parseParts(s, true);
    if (s.text[s.at] !== '}') throw new MessageSyntaxError(`branch ${selector[1]} of {${arg}, plural} is not closed`);
    s.at++;
    if (branches.some((b) => b.selector === selector[1])) throw new MessageSyntaxError(`branch ${selector[1]} of {${arg}, plural} appears twice`);
    branches.push({ selector: selector[1]!, parts });
  }
  s.at += /^\s*/.exec(s.text.slice(s.at))![0].length;
  if (s.text[s.at] !== '}') throw new MessageSyntaxError(`{${arg}, plural, …} has something that is not a branch at ${s.at}`);
  s.at++;
  if (!branches.some((b) => b.selector === 'other')) throw new MessageSyntaxError(`{${arg}, plural, …} needs an "other" branch`);
  return { arg, plural: branches };
}

/**
 * Fills a message. A missing parameter stays visible as `{name}` rather than silently vanishing; a message that
 * does not parse is shown as written (a page must not fail over a translator's typo; the catalogue test finds it).
 */
export function formatMessage(template: string, params: Params | undefined, intlLocale: string): string {
  if (!template.includes('{')) return template;
  let parts: Part[];
  try {
    parts = parseMessage(template);
  } catch {
    return template;
  }
  return render(parts, params ?? {}, intlLocale, undefined);
}

function render(parts: Part[], params: Params, intlLocale: string, count: number | undefined): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if (part.arg === '#' && count !== undefined) out += numberFormat(intlLocale, {}).format(count);
    else if (!Object.hasOwn(params, part.arg)) out += `{${part.arg}}`;
    else if (!('plural' in part)) out += String(params[part.arg]);
    else {
      const n = Number(params[part.arg]);
      const branch =
        part.plural.find((b) => b.selector === `=${n}`) ??
        part.plural.find((b) => b.selector === pluralRules(intlLocale).select(n)) ??
        part.plural.find((b) => b.selector === 'other')!;
      out += render(branch.parts, params, intlLocale, n);
    }
  }
  return out;
}

/** The names a message expects (a plural's count too), sorted: translations must expect the same ones. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (typeof part === 'string' || part.arg === '#') continue;
      names.add(part.arg);
      if ('plural' in part) for (const b of part.plural) walk(b.parts);
    }
  };
  walk(parseMessage(template));
  return [...names].sort();
}

/** Each plural in a message with the category branches it has (exact `=N` branches left out). */
export function pluralsOf(template: string): Array<{ arg: string; categories: string[] }> {
  const found: Array<{ arg: string; categories: string[] }> = [];
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (typeof part === 'string' || !('plural' in part)) continue;
      found.push({ arg: part.arg, categories: part.plural.map((b) => b.selector).filter((s) => !s.startsWith('=')) });
      for (const b of part.plural) walk(b.parts);
    }
  };
  walk(parseMessage(template));
  return found;
}
