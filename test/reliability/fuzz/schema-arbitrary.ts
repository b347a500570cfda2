import fc from 'fast-check';
import { hostileString, numericEdge } from './hostile';
import type { JsonSchema } from './registry';

// A small JSON Schema → fast-check converter for the schemas our routes declare (type, enum, const, pattern,
// min/max, lengths, required, properties, patternProperties, additionalProperties, anyOf/oneOf, items),
// plus mutations that break the schema on purpose. Query strings and form bodies carry strings, so
// `valid` values are what a well-behaved client sends and `mutated` what a careless or hostile one sends.

type S = JsonSchema & {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, S>;
  patternProperties?: Record<string, S>;
  additionalProperties?: boolean | S;
  required?: string[];
  anyOf?: S[];
  oneOf?: S[];
  items?: S;
  minItems?: number;
  maxItems?: number;
};

function types(schema: S): string[] {
  if (schema.type) return [schema.type].flat();
  if (schema.properties || schema.patternProperties) return ['object'];
  if (schema.items) return ['array'];
  return ['string'];
}

/**
 * Realistic values by property name (a real API key, the city's slug, dates in range, places inside the
 * city): random strings that merely match a schema's type almost never get past the handler's own checks.
 */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

function hinted(name: string, schema: S, hints: Hints): fc.Arbitrary<unknown> {
  const hint = hints[name];
  if (!hint || schema.enum || schema.const !== undefined) return validValue(schema, hints);
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  const fitting = pattern ? hint.filter((v) => pattern.test(String(v))) : hint;
  return fc.oneof({ arbitrary: fitting, weight: 4 }, { arbitrary: validValue(schema, hints), weight: 1 });
}

/** Values that satisfy the schema. */
export function validValue(schema: S, hints: Hints = {}): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, hints)));
  return fc.oneof(...types(schema).map((type) => validOfType(schema, type, hints)));
}

function validOfType(schema: S, type: string, hints: Hints): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string': {
      const maxLength = Math.min(schema.maxLength ?? 80, 400);
      const minLength = schema.minLength ?? 0;
      if (schema.pattern) {
        return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY) && s.length >= minLength);
      }
      return fc.string({ minLength, maxLength, unit: 'grapheme' }).filter((s) => s.length <= maxLength);
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      return type === 'integer' ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items ?? {}, hints), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    default:
      return validObject(schema, hints);
  }
}

function validObject(schema: S, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(props)) record[name] = hinted(name, sub, hints);
  const base = fc.record(record, { requiredKeys: [...required].filter((k) => k in props) });
  const patterned = Object.entries(schema.patternProperties ?? {});
  if (patterned.length === 0) return base;
  // `^attribute\[` and the like: keys the hints know (real question codes) or made-up ones.
  const known = patterned.flatMap(([pattern, sub]) =>
    Object.keys(hints)
      .filter((k) => new RegExp(pattern).test(k))
      .map((k) => [k, sub] as const),
  );
  const madeUp = fc
    .tuple(fc.constantFrom(...patterned), fc.stringMatching(/^[a-z_]{1,12}\]$/))
    .map(([[pattern, sub], rest]) => [`${patternPrefix(pattern)}${rest}`, sub] as const);
  const key = known.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 4 }, { arbitrary: madeUp, weight: 1 }) : madeUp;
  const extra = fc.uniqueArray(
    key.chain(([name, sub]) => (hints[name] ?? validValue(sub, hints)).map((v) => [name, v] as const)),
    { maxLength: 3, selector: ([name]) => name },
  );
  return fc.tuple(base, extra).map(([o, e]) => ({ ...o, ...Object.fromEntries(e) }));
}

function patternPrefix(pattern: string): string {
  return pattern.replace(/^\^/, '').replace(/\\(.)/g, '$1');
}

/** A value of the wrong kind for its place: the mutations the brief asks for. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
);

/** A wrong value for one property: for numbers mostly the spellings a strict reader must refuse (see NUMERIC_EDGES). */
function wrongValueFor(schema: S | undefined): fc.Arbitrary<unknown> {
  const numeric = schema ? types(schema).some((t) => t === 'integer' || t === 'number') : false;
  return numeric
    ? fc.oneof(
        { arbitrary: numericEdge, weight: 3 },
        { arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, -0), weight: 1 },
        { arbitrary: wrongValue, weight: 2 },
      )
    : wrongValue;
}

/**
 * An object that breaks the schema in one or more ways: a required field missing, a field of the wrong
 * type or out of range, unknown fields, arrays for scalars, huge or odd strings.
 */
export function mutatedObject(schema: S, hints: Hints = {}): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.keys(schema.properties ?? {});
  const required = schema.required ?? [];
  return fc
    .tuple(
      validObject(schema, hints),
      fc.subarray(required),
      fc.array(
        (props.length > 0 ? fc.constantFrom(...props) : fc.constant('x')).chain((name) =>
          wrongValueFor(schema.properties?.[name]).map((value) => [name, value] as const),
        ),
        { maxLength: 3 },
      ),
      fc.array(
        fc.tuple(
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 20 }),
            fc.constantFrom('__proto__', 'constructor', 'attribute[', 'attribute[]', 'attribute[x][y]', 'a[b]'),
          ),
          wrongValue,
        ),
        {
          maxLength: 3,
        },
      ),
      fc.option(fc.constantFrom(...(props.length > 0 ? props : ['x'])), { nil: undefined }),
    )
    .map(([valid, drop, wrong, extra, asArray]) => {
      const out: Record<string, unknown> = { ...valid };
      for (const name of drop) delete out[name];
      for (const [name, value] of wrong) out[name] = value;
      for (const [name, value] of extra) out[name] = value;
      if (asArray && out[asArray] !== undefined) out[asArray] = [out[asArray], out[asArray]];
      return out;
    });
}

/** Mostly-valid objects with a good share of broken ones: deep paths and the error paths both get exercised. */
export function objectFromSchema(schema: JsonSchema | undefined, hints: Hints = {}): fc.Arbitrary<Record<string, unknown>> {
  const s = (schema ?? { type: 'object', properties: {} }) as S;
  return fc.oneof({ arbitrary: validObject(s, hints), weight: 3 }, { arbitrary: mutatedObject(s, hints), weight: 2 });
}

/** A string for a form field or query value: arrays become repeated fields, objects JSON. */
export function asFieldValues(value: unknown): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => asFieldValues(v));
  if (value === null) return [''];
  if (typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}
