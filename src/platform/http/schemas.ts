import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

// Shared route schemas (TypeBox): params and query of every route are validated from one schema through the
// type provider, so handlers get typed values and the OpenAPI document is generated from the same source.
// Every number has finite bounds: a query string can say "-Infinity", "1e400" or "99999999999999999999".

/** The highest page any listing serves: deeper pages are a crawler's loop or an attack, never a person. */
export const PAGE_MAX = 10_000;
/** The highest id a route accepts: ids are int4 (see docs/architecture.md), so larger ones cannot exist. */
export const ID_MAX = 2_147_483_647;

export const Page = Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1, description: 'Page number, from 1' });

/** A page size for a route that lets the caller choose one: always bounded, with the route's own default. */
export function PageSize(options: { maximum: number; default: number }) {
  return Type.Integer({ minimum: 1, maximum: options.maximum, default: options.default, description: `Items per page, at most ${options.maximum}` });
}

/** `?page=` alone; spread `PagingQuery.properties` into a route's own query object to add more. */
export const PagingQuery = Type.Object({ page: Type.Optional(Page) });
export type PagingQuery = Static<typeof PagingQuery>;

/** `?page=&page_size=` for routes that let the caller choose the size. */
export function PagedQuery(size: { maximum: number; default: number }) {
  return Type.Object({ page: Type.Optional(Page), page_size: Type.Optional(PageSize(size)) });
}

export const Id = Type.Integer({ minimum: 1, maximum: ID_MAX });
export const IdParams = Type.Object({ id: Id });
export type IdParams = Static<typeof IdParams>;

/** Random tokens in links (sign-in, setup, reset, questionnaires): base64url of 15 to 75 bytes. */
export const TOKEN_PATTERN = '^[A-Za-z0-9_-]{20,100}$';
export const Token = Type.String({ pattern: TOKEN_PATTERN });
export const TokenParams = Type.Object({ token: Token });
export type TokenParams = Static<typeof TokenParams>;

export const Latitude = Type.Number({ minimum: -90, maximum: 90, description: 'WGS 84 latitude' });
export const Longitude = Type.Number({ minimum: -180, maximum: 180, description: 'WGS 84 longitude' });
export const LatLon = Type.Object({ lat: Latitude, lon: Longitude });
export type LatLon = Static<typeof LatLon>;

/** A calendar day, YYYY-MM-DD (a real date: 2024-02-30 is refused). */
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** `?ok=saved` after a redirect: which notice to show. A value the page does not know shows none (never a 400). */
export const NoticeQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })) });
export type NoticeQuery = Static<typeof NoticeQuery>;

/** The `?ok=` value if the page knows it, else none: an old or hand-edited link still opens the page. */
export function knownNotice<T extends string>(known: readonly T[], ok: string | undefined): T | undefined {
  return ok !== undefined && (known as readonly string[]).includes(ok) ? (ok as T) : undefined;
}

/** The JSON error body of /api/ routes (see platform-plugin's sendError). */
export const JsonError = Type.Object({
  error: Type.Object({
    code: Type.String(),
    reference: Type.Optional(Type.String()),
    /** For a query outside its schema: which parameter, and what it must be. */
    message: Type.Optional(Type.String()),
  }),
});

// A decimal number as people and programs write it; no hex, no "Infinity", no empty string.
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function typeOf(schema: unknown): string | undefined {
  const type = (schema as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
}

function coerce(schema: unknown, value: unknown): unknown {
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      return typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'string':
      // A JSON body may carry 51.5 where a form carries "51.5" (Ajv's coercion did the same).
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    case 'array': {
      const items = (schema as { items?: unknown }).items;
      return (Array.isArray(value) ? value : [value]).map((item) => coerce(items, item));
    }
    default:
      return value;
  }
}

type PropertySchema = {
  type?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  const?: unknown;
  anyOf?: PropertySchema[];
  items?: PropertySchema;
};

function range(s: PropertySchema): string {
  if (s.minimum !== undefined && s.maximum !== undefined) return ` from ${s.minimum} to ${s.maximum}`;
  if (s.minimum !== undefined) return ` of at least ${s.minimum}`;
  if (s.maximum !== undefined) return ` of at most ${s.maximum}`;
  return '';
}

/**
 * What a value must be, in words an API client understands: "a whole number from 1 to 10000" says more about
 * `page=1e400` or `page=-Infinity` than "must be integer" (the number was read, and it was infinite).
 */
export function describeSchema(schema: PropertySchema | undefined): string | null {
  if (!schema) return null;
  const literals = schema.anyOf?.map((s) => s.const);
  if (literals?.length && literals.every((v) => typeof v === 'string' || typeof v === 'number')) return `one of ${literals.join(', ')}`;
  switch (typeOf(schema)) {
    case 'integer':
      return `a whole number${range(schema)}`;
    case 'number':
      return `a finite number${range(schema)}`;
    case 'boolean':
      return 'true or false';
    case 'string':
      if (schema.format === 'date') return 'a date (YYYY-MM-DD)';
      if (schema.format === 'date-time') return 'a date and time (ISO 8601)';
      return schema.maxLength !== undefined ? `text of at most ${schema.maxLength} characters` : null;
    case 'array': {
      const item = describeSchema(schema.items);
      return item ? `one or more values, each ${item}` : null;
    }
    default:
      return null;
  }
}

/** One error per top-level property, worded by describeSchema where it can (Fastify prefixes the property path). */
function clearErrors(errors: FastifySchemaValidationError[], properties: Record<string, unknown> | undefined): FastifySchemaValidationError[] {
  const seen = new Set<string>();
  const out: FastifySchemaValidationError[] = [];
  for (const error of errors) {
    const name = error.instancePath.split('/')[1] ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    const wanted = name ? describeSchema(properties?.[name] as PropertySchema | undefined) : null;
    out.push(wanted ? { ...error, instancePath: `/${name}`, message: `must be ${wanted}` } : error);
  }
  return out;
}

/** The message of a failed check for an API client: "page must be a whole number from 1 to 10000; lat must be …". */
export function validationMessage(errors: ReadonlyArray<{ instancePath: string; message?: string }>, context?: string): string {
  return errors.map((e) => `${e.instancePath.replace(/^\//, '').replaceAll('/', '.') || context || 'request'} ${e.message ?? 'is not valid'}`).join('; ');
}

/**
 * Fastify's validator compiler for TypeBox schemas. Query strings, params, headers and form bodies arrive as
 * text, so each top-level property is brought to its schema's type first, strictly ("1.5" is no integer, "0x10"
 * and "" are no numbers), then defaults are filled in and the value is checked. Unlike Ajv's coercion, which
 * skips range checks on infinite numbers, a non-finite number never passes. Properties the schema does not name
 * are kept (`?lang=en`, tracking parameters).
 */
export const schemaValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema }) => {
  const validator = Compile(schema);
  const properties = (schema as { properties?: Record<string, unknown> }).properties;
  return (input: unknown) => {
    let value = input;
    if (properties && input && typeof input === 'object' && !Array.isArray(input)) {
      const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
      for (const [key, property] of Object.entries(properties)) if (copy[key] !== undefined) copy[key] = coerce(property, copy[key]);
      value = copy;
    }
    value = Value.Default(schema, value);
    if (validator.Check(value)) return { value };
    return { error: clearErrors([...validator.Errors(value)] as unknown as FastifySchemaValidationError[], properties) };
  };
};
