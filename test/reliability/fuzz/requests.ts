import fc from 'fast-check';
import type { FormField, FoundForm } from './forms';
import { hostileSegment, hostileString } from './hostile';
import type { RecordedRoute } from './registry';
import { asFieldValues, type Hints, objectFromSchema } from './schema-arbitrary';
import type { FuzzWorld, Who } from './seed';

// Turning a route (and what was learnt about it) into an arbitrary of concrete requests.

export interface FuzzRoute extends RecordedRoute {
  key: string;
  params: string[];
  /** POST forms whose action is this route, as rendered by the app. */
  forms: FoundForm[];
  /** Query keys seen in links and GET forms that lead to this route, with the values seen. */
  query: Map<string, Set<string>>;
  /** Query keys the route cannot do without (sent in almost every case). */
  requiredQuery: Set<string>;
}

export type Part = { name: string; value: string } | { name: string; file: Uint8Array; filename: string; type: string };

export type Encoding = 'urlencoded' | 'multipart' | 'json' | 'text' | 'truncated-multipart' | 'none';

export interface FuzzCase {
  method: string;
  path: string;
  /** Sent with a method the route was not registered for. */
  otherMethod: boolean;
  /** The path has a made-up parameter (it may not reach the route at all). */
  hostilePath: boolean;
  query: Array<[string, string]>;
  who: Who;
  ip: string;
  csrf: 'valid' | 'missing' | 'wrong' | 'header';
  encoding: Encoding;
  parts: Part[];
  /** For JSON bodies: the object as generated (nested types survive JSON, unlike forms). */
  json?: Record<string, unknown>;
  /** For JSON bodies: the type each field is sent as (cycled over the fields); mostly strings. */
  jsonTypes: JsonType[];
  headers: Record<string, string>;
  cookies: Record<string, string>;
}

const TOKEN_ROUTES: Array<[RegExp, keyof FuzzWorld['tokens']]> = [
  [/^\/anmelden\/link\//, 'magic'],
  [/^\/verwaltung\/einrichten\//, 'setup'],
  [/^\/verwaltung\/passwort\//, 'reset'],
  [/^\/meldungen\/bestaetigen\//, 'confirm'],
  [/^\/meldungen\/fragebogen\//, 'questionnaire'],
  [/^\/angstraeume\/umfrage\//, 'safety'],
  [/^\/meldungen\/abbestellen\//, 'unsubscribe'],
  [/^\/beteiligung\/abbestellen\//, 'participationUnsubscribe'],
];

/** Realistic values for a path parameter, by route and name; null when the fuzzer knows none (a new route). */
export function paramPool(route: string, name: string, world: FuzzWorld): string[] | null {
  const ids = (k: string) => world.ids[k]!.map(String);
  switch (name) {
    case 'id':
      if (/^\/(verwaltung\/)?fotos\//.test(route)) return ids('photo');
      if (/^\/(verwaltung\/)?meldungen\//.test(route)) return ids('report');
      if (/angstraeume/.test(route)) return [...ids('place'), ...ids('report').slice(0, 2)];
      if (/abteilungen/.test(route)) return ids('department');
      if (/kategorien/.test(route)) return ids('category');
      if (/bezirke/.test(route)) return ids('district');
      if (/mitarbeitende/.test(route)) return ids('user');
      if (/antwortvorlagen/.test(route)) return ids('template');
      if (/api-schluessel/.test(route)) return ids('apiKey');
      if (/^\/(verwaltung\/)?beteiligung\/:id/.test(route)) return ids('process');
      if (/^\/ideen\/fotos\//.test(route)) return ids('ideaPhoto');
      if (/^\/(verwaltung\/)?ideen\/:id/.test(route)) return ids('idea');
      if (/^\/beteiligung\/(kommentare|verfolgen)\/:kind/.test(route)) return [...ids('process'), ...ids('idea')];
      if (/^\/(beteiligung\/kommentar|verwaltung\/moderation)\//.test(route)) return ids('comment');
      if (/^\/verwaltung\/gremien\//.test(route)) return ids('body');
      if (/^\/verwaltung\/verifizierung\/codes\//.test(route)) return ids('codeBatch');
      return null;
    case 'photoId':
      return ids('photo');
    case 'questionId':
      return ids('question');
    case 'ruleId':
      return ids('rule');
    case 'userId':
      return ids('user');
    case 'phaseId':
      return ids('phase');
    case 'documentId':
      return ids('processDocument');
    case 'kind':
      return ['process', 'idea', 'unbekannt'];
    case 'token': {
      // The data-export link is an HMAC over the session that asked for it (POST /konto/daten makes it): a path
      // alone cannot carry a real one for every visitor, so a well-formed one that is not valid (410, after the guard).
      if (route.startsWith('/konto/daten/datei/')) return ['Ak0fZr3mVq9xLw2NcT5yHb8uJd1sPe6gQo4iRn7tUa'];
      const kind = TOKEN_ROUTES.find(([re]) => re.test(route))?.[1];
      return kind ? world.tokens[kind] : null;
    }
    case 'code':
    case 'service_code':
      return world.codes;
    case 'service_request_id':
      return ids('report');
    case 'file':
      if (route.startsWith('/karte/kacheln')) return ['0.png', '1.png', '99999999.png'];
      return ['large.jpg', 'thumb.jpg', 'constructor.jpg', '__proto__.jpg', 'large.png'];
    case 'slug':
      return ['impressum', 'datenschutz', 'barrierefreiheit'];
    case 'locale':
      return ['de', 'en'];
    case 'section':
      // "Mein Konto": sections with a form, one without, and none at all (404).
      return ['benachrichtigungen', 'verfolgt', 'meldungen', 'unbekannt'];
    case 'z':
    case 'x':
    case 'y':
      return ['0', '1', '12', '20'];
    case '*':
      return [
        'css/kuemmerer.css',
        'icons/favicon.svg',
        'icons/icon-192.png',
        'litter/dreckpetze.js',
        'icons/',
        '../package.json',
        '..%2f..%2fpackage.json',
        '%2e%2e/src/app.ts',
        'nicht-da.js',
      ];
    default:
      return null;
  }
}

export function routeParams(url: string): string[] {
  const names = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  return url.includes('*') ? [...names, '*'] : names;
}

function fillPath(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) => values[n] ?? '').replace('*', values['*'] ?? '');
}

/** Staff pages are mostly fuzzed as an admin (to get past the guard), public ones mostly as visitors. */
function whoArb(route: FuzzRoute): fc.Arbitrary<Who> {
  const staff = route.url.startsWith('/verwaltung');
  return fc.oneof(
    { arbitrary: fc.constant<Who>('admin'), weight: staff ? 12 : 3 },
    { arbitrary: fc.constant<Who>('moderator'), weight: staff ? 2 : 1 },
    { arbitrary: fc.constant<Who>('department_staff'), weight: staff ? 2 : 1 },
    { arbitrary: fc.constant<Who>('resident'), weight: staff ? 1 : 5 },
    { arbitrary: fc.constant<Who>('anonymous'), weight: staff ? 1 : 5 },
  );
}

/** Many client addresses (IPv4 and IPv6 /64s), so per-address limits rarely turn the fuzz into 429s. */
const ipArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b]) => `198.51.${a}.${b}`),
  fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 1, max: 0xffff })).map(([a, b]) => `2001:db8:${a.toString(16)}::${b.toString(16)}`),
);

/** A path for the route; `hostile` when a parameter is not a realistic value (it may not even reach the route). */
function pathArb(route: FuzzRoute, world: FuzzWorld): fc.Arbitrary<{ path: string; hostile: boolean }> {
  if (route.params.length === 0) return fc.constant({ path: route.url, hostile: false });
  const perParam = route.params.map((name) => {
    const pool = paramPool(route.url, name, world) ?? [];
    return fc.oneof(
      {
        arbitrary:
          pool.length > 0
            ? fc.constantFrom(...pool).map((v) => ({ v: name === '*' ? v : encodeURIComponent(v), hostile: name === '*' }))
            : hostileSegment.map((v) => ({ v, hostile: true })),
        weight: 4,
      },
      { arbitrary: hostileSegment.map((v) => ({ v, hostile: true })), weight: 1 },
    );
  });
  return fc.tuple(...perParam).map((values) => ({
    path: fillPath(route.url, Object.fromEntries(route.params.map((n, i) => [n, values[i]!.v]))),
    hostile: values.some((x) => x.hostile),
  }));
}

/** Query keys every page reads (locale switch, notices, pages) on top of what the route itself declares. */
const GLOBAL_QUERY = ['lang', 'ok', 'seite', 'page', 'return'];

export function schemaHints(world: FuzzWorld): Hints {
  const iso = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  const day = iso.map((d) => d.slice(0, 10));
  const ids = (k: string) => fc.constantFrom(...world.ids[k]!.map(String));
  return {
    jurisdiction_id: fc.constantFrom(world.orgSlug, 'localhost', ''),
    api_key: fc.constant(world.apiKey),
    service_code: fc.oneof({ arbitrary: fc.constantFrom(...world.codes), weight: 4 }, { arbitrary: fc.constant(world.codes.join(',')), weight: 1 }),
    category: fc.constantFrom(...world.codes),
    service_request_id: fc.oneof(ids('report'), fc.constant(world.ids.report!.join(','))),
    district: ids('district'),
    start_date: iso,
    end_date: iso,
    updated_datetime: iso,
    from: fc.oneof(day, iso),
    to: fc.oneof(day, iso),
    lat: fc.double({ min: 51.46, max: 51.54, noNaN: true }).map((n) => n.toFixed(5)),
    long: fc.double({ min: 7.41, max: 7.59, noNaN: true }).map((n) => n.toFixed(5)),
    bbox: fc.constantFrom('7.4,51.45,7.6,51.55', '7.45, 51.5, 7.46, 51.51', '-180,-90,180,90'),
    email: fc.constantFrom('melder@example.de', 'MELDER@Example.de'),
    status: fc.constantFrom(
      'open',
      'closed',
      'new',
      'confirmed',
      'investigating',
      'in_progress',
      'action_scheduled',
      'fixed',
      'duplicate',
      'not_councils_responsibility',
      'no_further_action',
      'closed:done',
    ),
    description: fc.oneof(
      { arbitrary: fc.constantFrom('Tiefes Schlagloch vor Hausnummer 5', 'Die Kolonne ist beauftragt'), weight: 3 },
      { arbitrary: hostileString, weight: 1 },
    ),
    update_id: fc.string({ minLength: 1, maxLength: 20 }),
    'attribute[groesse]': fc.constantFrom('klein', 'gross', 'riesig'),
    'attribute[art][]': fc.constantFrom('riss', 'loch'),
  };
}

function queryArb(route: FuzzRoute, hints: Hints): fc.Arbitrary<Array<[string, string]>> {
  const hinted = [...route.query.entries()].filter(([k]) => !route.requiredQuery.has(k)).map(([k, vs]) => [k, [...vs]] as const);
  const required = [...route.query.entries()].filter(([k]) => route.requiredQuery.has(k)).map(([k, vs]) => [k, [...vs]] as const);
  const fromHints = fc
    .tuple(fc.subarray(hinted), fc.subarray(required, { minLength: Math.max(0, required.length - 1) }))
    .map(([a, b]) => [...a, ...b])
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map(([k, vs]) =>
          fc
            .oneof(
              {
                arbitrary: vs.length > 0 ? fc.constantFrom(...vs).map((v) => [v]) : hostileString.map((v) => [v]),
                weight: 6,
              },
              { arbitrary: hostileString.map((v) => [v]), weight: 3 },
              { arbitrary: fc.array(hostileString, { minLength: 2, maxLength: 3 }), weight: 1 },
            )
            .map((values) => values.map((v) => [k, v] as [string, string])),
        ),
      ),
    );
  const fromSchema = route.schema.querystring
    ? objectFromSchema(route.schema.querystring, hints).map((o) =>
        Object.entries(o).flatMap(([k, v]) => asFieldValues(v).map((s) => [k, s] as [string, string])),
      )
    : fc.constant([] as Array<[string, string]>);
  const extra = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...GLOBAL_QUERY), fc.string({ minLength: 1, maxLength: 12 })),
      fc.oneof(fc.constantFrom('de', 'en', 'fr', '1', '2'), hostileString),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fromHints, fromSchema, extra).map(([h, s, e]) => [...h.flat(), ...s, ...e]);
}

/** null most of the time, a value once in `n` cases. */
const sometimes = <T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: n - 1 }, { arbitrary: arb, weight: 1 });

/** Headers that change what the server does: content negotiation, caching, API keys, locale. */
const headerArb: fc.Arbitrary<Record<string, string>> = fc
  .tuple(
    sometimes(fc.constantFrom('text/html', 'application/json', '*/*', 'application/xml', 'image/*', ''), 2),
    sometimes(
      fc.oneof(
        fc.constantFrom('de-DE,de;q=0.9', 'en', 'fr;q=0.1, en;q=0.2', '*', ''),
        hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, '')),
      ),
      2,
    ),
    sometimes(fc.constantFrom('*', 'W/"x"', '""'), 8),
    sometimes(fc.constantFrom('k311_wrong', ''), 12),
    // Host decides the city: spellings of ours, and a host no city claims (an error page without a city).
    sometimes(fc.constantFrom('LOCALHOST', 'localhost:3000', 'localhost.', 'unbekannt.example', '[::1]'), 30),
  )
  .map(([accept, language, etag, key, host]) => {
    const h: Record<string, string> = { host: host ?? 'localhost' };
    if (accept !== null) h.accept = accept;
    if (language !== null) h['accept-language'] = language;
    if (etag !== null) h['if-none-match'] = etag;
    if (key !== null) h['x-api-key'] = key;
    return h;
  });

// ---------------------------------------------------------------------------------------------------------
// Bodies

function truncatedJpeg(world: FuzzWorld): fc.Arbitrary<Uint8Array> {
  return fc.integer({ min: 0, max: world.jpeg.length }).map((n) => world.jpeg.subarray(0, n));
}

function fileArb(world: FuzzWorld): fc.Arbitrary<Part & { file: Uint8Array }> {
  return fc.record({
    file: fc.oneof(
      { arbitrary: fc.constant(new Uint8Array(world.jpeg)), weight: 3 },
      { arbitrary: truncatedJpeg(world), weight: 3 },
      { arbitrary: fc.uint8Array({ maxLength: 4096 }), weight: 3 },
      { arbitrary: fc.constant(new Uint8Array(0)), weight: 1 },
      // A big upload (under the multipart file limit): the size check must answer, not the decoder crash.
      { arbitrary: fc.constant(new Uint8Array(1_500_000).fill(0xff)), weight: 1 },
      {
        arbitrary: fc.constant(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
        weight: 1,
      },
    ),
    filename: fc.oneof(
      fc.constantFrom('foto.jpg', 'x', '../../etc/passwd', 'ä😀.jpeg', ''),
      hostileString.map((s) => s.slice(0, 100).replace(/["\r\n]/g, '')),
    ),
    type: fc.constantFrom('image/jpeg', 'image/png', 'application/octet-stream', 'text/html', 'image/svg+xml', ''),
    name: fc.constant(''),
  });
}

/** Plausible values by field name, where the rendered form leaves a field empty (texts, places, addresses). */
export function formHints(world: FuzzWorld): Record<string, fc.Arbitrary<string>> {
  const text = fc.constantFrom('Tiefes Schlagloch vor Hausnummer 5', 'Die Laterne ist seit Tagen dunkel.', 'Mehrere Säcke Müll am Straßenrand');
  return {
    description: text,
    message: text,
    body: text,
    note: text,
    internalNote: text,
    publicNote: text,
    comment: text,
    title: fc.constantFrom('Danke', 'Wir kümmern uns'),
    name: fc.constantFrom('Erika Mustermann', 'Tiefbauamt Nord'),
    email: fc.constantFrom(...world.emails, 'fuzz@example.de'),
    password: fc.constantFrom(world.staffPassword, 'falsch'),
    lat: fc.double({ min: 51.46, max: 51.54, noNaN: true }).map((n) => n.toFixed(5)),
    lon: fc.double({ min: 7.41, max: 7.59, noNaN: true }).map((n) => n.toFixed(5)),
    address: fc.constantFrom('Testweg 1', 'vor Nr. 12'),
    code: fc.constantFrom('000000', '123456'),
  };
}

/** For one field: a plausible value (what a person would send), and the wild mix of everything else. */
function fieldArbs(f: FormField, hints: Record<string, fc.Arbitrary<string>>): { plausible: fc.Arbitrary<string[]>; wild: fc.Arbitrary<string[]> } {
  const rendered = f.values.filter((v) => v !== '');
  const hint = hints[f.name];
  const byType: fc.Arbitrary<string> =
    f.type === 'number'
      ? fc.integer({ min: 0, max: 100 }).map(String)
      : f.type === 'date'
        ? fc.constantFrom('2024-05-01', '2025-12-31')
        : f.type === 'email'
          ? fc.constant('fuzz@example.de')
          : fc.constantFrom('Ein kurzer Text', 'Test');
  const plausible: fc.Arbitrary<string> =
    rendered.length > 0 && hint ? fc.oneof(fc.constantFrom(...rendered), hint) : rendered.length > 0 ? fc.constantFrom(...rendered) : (hint ?? byType);
  const typed: fc.Arbitrary<string> =
    f.type === 'number'
      ? fc.oneof(fc.integer({ min: -1000, max: 100_000 }).map(String), fc.double().map(String))
      : f.type === 'email'
        ? fc.constantFrom('fuzz@example.de', 'FUZZ@Example.DE ', 'a@b', `${'x'.repeat(250)}@example.de`)
        : f.type === 'date' || f.type === 'datetime-local'
          ? fc
              .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
              .map((d) => (f.type === 'date' ? d.toISOString().slice(0, 10) : d.toISOString().slice(0, 16)))
          : f.type === 'checkbox' || f.type === 'radio'
            ? fc.constantFrom('on', '1', '0', 'true')
            : f.maxLength
              ? fc.integer({ min: Math.max(0, f.maxLength - 2), max: f.maxLength + 2 }).map((n) => 'ö'.repeat(n))
              : hostileString;
  // Hidden fields (ids, tokens, the place chosen in step one) are left alone by real clients: tampering
  // with them is fuzzed, but rarely enough that the rest of the form still gets through.
  const keep = f.type === 'hidden' ? 16 : 5;
  const sensible = plausible.map((v) => [v]);
  return {
    plausible: sensible,
    wild: fc.oneof(
      { arbitrary: sensible, weight: keep },
      { arbitrary: typed.map((v) => [v]), weight: 2 },
      { arbitrary: hostileString.map((v) => [v]), weight: 3 },
      { arbitrary: fc.array(fc.oneof(hostileString, plausible), { minLength: 2, maxLength: 4 }), weight: 1 },
      { arbitrary: fc.constant([] as string[]), weight: 1 },
    ),
  };
}

/**
 * Fields of a rendered form: in some cases a plausible submission with at most one field broken (so the
 * handler's deep paths run: storing, mails, redirects), in the others every field wild, plus fields
 * nobody rendered.
 */
function formBodyArb(form: FoundForm, world: FuzzWorld): fc.Arbitrary<Part[]> {
  const hints = formHints(world);
  const fields = form.fields.filter((f) => f.name !== '_csrf');
  const jpeg = { name: '', file: new Uint8Array(world.jpeg), filename: 'foto.jpg', type: 'image/jpeg' };
  const arbs = fields.map((f) =>
    f.type === 'file'
      ? {
          plausible: fc.constantFrom([], [jpeg]).map((files) => files.map((p) => ({ ...p, name: f.name }) as Part)),
          wild: fc.array(fileArb(world), { maxLength: 6 }).map((files) => files.map((p) => ({ ...p, name: f.name }) as Part)),
        }
      : (() => {
          const a = fieldArbs(f, hints);
          const parts = (vs: string[]) => vs.map((value) => ({ name: f.name, value }) as Part);
          return { plausible: a.plausible.map(parts), wild: a.wild.map(parts) };
        })(),
  );
  const unknown = fc.array(
    fc
      .tuple(
        fc.oneof(
          { arbitrary: fc.string({ minLength: 1, maxLength: 20 }), weight: 6 },
          { arbitrary: fc.constantFrom('answer.', 'answer.groesse', 'answer.nicht-da', 'a[b]', ''), weight: 2 },
          { arbitrary: fc.constantFrom('__proto__', 'constructor', 'answer.__proto__'), weight: 1 },
        ),
        hostileString,
      )
      .map(([name, value]) => ({ name, value }) as Part),
    { maxLength: 2 },
  );
  const plausibleCase =
    fields.length === 0
      ? fc.constant([] as Part[])
      : fc
          .tuple(fc.tuple(...arbs.map((a) => a.plausible)), fc.nat({ max: fields.length }))
          .chain(([vs, broken]) =>
            broken < fields.length ? arbs[broken]!.wild.map((w) => vs.flatMap((v, i) => (i === broken ? w : v))) : fc.constant(vs.flat()),
          );
  const wildCase = fc.tuple(fc.tuple(...arbs.map((a) => a.wild)), unknown).map(([vs, extra]) => [...vs.flat(), ...extra]);
  return fc.oneof({ arbitrary: plausibleCase, weight: 2 }, { arbitrary: wildCase, weight: 3 });
}

function schemaBodyArb(route: FuzzRoute, world: FuzzWorld, hints: Hints): fc.Arbitrary<{ parts: Part[]; json: Record<string, unknown> }> {
  const keyMode = fc.constantFrom(...(Array(7).fill('valid') as ['valid']), 'asis', 'asis', 'none');
  return fc.tuple(objectFromSchema(route.schema.body, hints), keyMode).map(([obj, key]) => {
    const json = { ...obj };
    if (key === 'valid') json.api_key = world.apiKey;
    if (key === 'none') delete json.api_key;
    const parts = Object.entries(json).flatMap(([name, v]) => asFieldValues(v).map((value) => ({ name, value }) as Part));
    return { parts, json };
  });
}

export function caseArb(route: FuzzRoute, world: FuzzWorld): fc.Arbitrary<FuzzCase> {
  const hints = schemaHints(world);
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const forms = route.forms;
  const multipartForm = forms.some((f) => f.multipart);
  const body: fc.Arbitrary<{ path?: string; parts: Part[]; json?: Record<string, unknown> }> = !hasBody
    ? fc.constant({ parts: [] })
    : route.schema.body
      ? schemaBodyArb(route, world, hints)
      : forms.length > 0
        ? fc.constantFrom(...forms).chain((form) =>
            fc.tuple(formBodyArb(form, world), fc.boolean()).map(([parts, useAction]) => ({
              parts,
              path: useAction ? form.action.split('?')[0] : undefined,
            })),
          )
        : fc.constant({ parts: [] });
  const encoding: fc.Arbitrary<Encoding> = !hasBody
    ? fc.constant('none')
    : fc.oneof(
        { arbitrary: fc.constant<Encoding>(multipartForm ? 'multipart' : 'urlencoded'), weight: 16 },
        { arbitrary: fc.constant<Encoding>(multipartForm ? 'urlencoded' : 'multipart'), weight: 1 },
        { arbitrary: fc.constant<Encoding>('json'), weight: 2 },
        { arbitrary: fc.constant<Encoding>('text'), weight: 1 },
        { arbitrary: fc.constant<Encoding>('truncated-multipart'), weight: 1 },
      );
  const csrf =
    route.csrf && hasBody
      ? fc.constantFrom<FuzzCase['csrf']>(...(Array(14).fill('valid') as ['valid']), 'header', 'missing', 'wrong')
      : fc.constant<FuzzCase['csrf']>('valid');
  const jsonTypes = fc.array(
    fc.oneof(
      { arbitrary: fc.constant<JsonType>('string'), weight: 6 },
      { arbitrary: fc.constantFrom<JsonType>('number', 'boolean', 'null', 'object', 'array'), weight: 4 },
    ),
    { minLength: 1, maxLength: 5 },
  );
  const cookies = fc.record(
    {
      k_lang: fc.oneof(
        fc.constantFrom('de', 'en', 'xx'),
        hostileString.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))),
      ),
      k_2fa: fc.oneof(
        fc.constantFrom(...world.tokens.secondFactor),
        hostileString.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))),
      ),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({
      who: whoArb(route),
      ip: ipArb,
      path: pathArb(route, world),
      query: queryArb(route, hints),
      body,
      encoding,
      csrf,
      headers: headerArb,
      cookies,
      jsonTypes,
      // Now and then a method the route does not have: 405 (or 404), never a crash.
      otherMethod: sometimes(fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', route.method === 'GET' ? 'POST' : 'GET'), 40),
    })
    .map((r) => ({
      method: r.otherMethod ?? route.method,
      otherMethod: r.otherMethod !== null,
      path: r.body.path ?? r.path.path,
      hostilePath: r.body.path ? false : r.path.hostile,
      query: r.query,
      who: r.who,
      ip: r.ip,
      csrf: r.csrf,
      encoding: r.encoding,
      parts: r.body.parts,
      json: r.body.json,
      headers: r.headers,
      jsonTypes: r.jsonTypes,
      cookies: r.cookies as Record<string, string>,
    }));
}

// ---------------------------------------------------------------------------------------------------------
// Serialising

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

function jsonValue(type: JsonType, original: unknown): unknown {
  switch (type) {
    case 'number':
      return typeof original === 'string' && original.trim() !== '' && Number.isFinite(Number(original)) ? Number(original) : -1.5e300;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'object':
      return { value: original, toString: 'x' };
    case 'array':
      return [original, { nested: [original] }];
    default:
      return original;
  }
}

export function encodeBody(c: FuzzCase, csrfToken: string | null): { payload?: Buffer | string; contentType?: string } {
  const parts: Part[] = csrfToken !== null ? [{ name: '_csrf', value: csrfToken }, ...c.parts] : c.parts;
  switch (c.encoding) {
    case 'none':
      return {};
    case 'urlencoded': {
      const body = new URLSearchParams();
      for (const p of parts) body.append(p.name, 'value' in p ? p.value : Buffer.from(p.file).toString('latin1'));
      return { payload: body.toString(), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'json': {
      const obj: Record<string, unknown> = { ...(c.json ?? {}) };
      if (!c.json) for (const p of c.parts) obj[p.name] = 'value' in p ? p.value : Buffer.from(p.file).toString('base64');
      // JSON carries what no form can: numbers, booleans, null, objects and arrays in place of text.
      for (const [i, name] of Object.keys(obj).entries()) {
        const type = c.jsonTypes[i % c.jsonTypes.length] ?? 'string';
        if (type !== 'string') obj[name] = jsonValue(type, obj[name]);
      }
      if (csrfToken !== null) obj._csrf = csrfToken;
      return { payload: JSON.stringify(obj), contentType: 'application/json' };
    }
    case 'text':
      return {
        payload: parts.map((p) => ('value' in p ? `${p.name}=${p.value}` : p.name)).join('\n'),
        contentType: 'text/plain; charset=utf-8',
      };
    case 'multipart':
    case 'truncated-multipart': {
      const boundary = '----kuemmererfuzz7MA4YWxkTrZu0gW';
      const chunks: Buffer[] = [];
      for (const p of parts) {
        const name = p.name.replace(/["\r\n]/g, '_');
        if ('value' in p) {
          chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(p.value), Buffer.from('\r\n'));
        } else {
          chunks.push(
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${p.filename}"\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
            ),
            Buffer.from(p.file),
            Buffer.from('\r\n'),
          );
        }
      }
      chunks.push(Buffer.from(`--${boundary}--\r\n`));
      let payload = Buffer.concat(chunks);
      // Cut the body somewhere after the CSRF field: the parser must answer 400, not hang or crash.
      if (c.encoding === 'truncated-multipart') payload = payload.subarray(0, Math.max(1, Math.floor(payload.length * 0.7)));
      return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
    }
  }
}
