// A tiny XML writer: every text and attribute value is escaped, names are checked, nothing else is clever.

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?$/;
/** Characters XML 1.0 cannot carry at all, even escaped (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF), become U+FFFD. */
function xmlChars(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    out += ok ? ch : '\uFFFD';
  }
  return out;
}

export function escapeXml(value: string): string {
  return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`Not an XML element name: ${JSON.stringify(name)}`);
  return name;
}

export type XmlAttrs = Record<string, string | number | undefined>;

/** One element; `children` are already-built XML strings, `text` is escaped here. */
export function element(name: string, content: { attrs?: XmlAttrs; text?: string; children?: string[] } = {}): string {
  checkName(name);
  const attrs = Object.entries(content.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${checkName(k)}="${escapeXml(String(v))}"`)
    .join('');
  const inner = content.children ? content.children.join('') : content.text !== undefined ? escapeXml(content.text) : '';
  return inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/**
 * Open311's XML is the Spark convention read backwards: a JSON object is an element with one child per key,
 * an array is a wrapper element whose items are named by `itemName(wrapper)`, null is an empty element and
 * undefined is left out.
 */
export function toXml(name: string, value: XmlValue, itemName: (wrapper: string) => string): string {
  if (value === undefined) return '';
  if (value === null) return element(name);
  if (Array.isArray(value)) {
    const item = itemName(name);
    return element(name, { children: value.map((v) => toXml(item, v, itemName)) });
  }
  if (typeof value === 'object') {
    return element(name, { children: Object.entries(value).map(([k, v]) => toXml(k, v, itemName)) });
  }
  return element(name, { text: String(value) });
}

export function xmlDocument(root: string, value: XmlValue, itemName: (wrapper: string) => string): string {
  return `${XML_DECLARATION}${toXml(root, value, itemName)}\n`;
}
