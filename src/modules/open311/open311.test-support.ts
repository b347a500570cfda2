import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

/** Ajv for the spec schemas (JSON Schema 2020-12 with formats). */
export function specValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return (schema: object, data: unknown): string[] => {
    const validate = ajv.compile(schema);
    return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

const ARRAY_ITEMS = new Set(['service', 'request', 'request_update', 'attribute', 'error', 'endpoint', 'format', 'note', 'photo', 'entry', 'url']);

/** Parses Open311 XML keeping every value as text and every repeated element as a list. */
export function parseXml(xml: string): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name, jpath) => ARRAY_ITEMS.has(name) || (name === 'value' && String(jpath).endsWith('values.value')),
  });
  return parser.parse(xml, true) as Record<string, unknown>;
}
