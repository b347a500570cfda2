import fc from 'fast-check';

// Values people and scripts really send to forms and query strings: empty, whitespace, control characters,
// right-to-left overrides, emoji and lone surrogates, numbers just past every integer width, dates that do
// not exist, injection probes, and strings long enough to hit every maxLength (but not the 1 MB body limit).
// None of them looks like a stack trace or a file path of ours, so echoing input can never trip the checks.

const TRICKY = [
  '',
  ' ',
  '   \t  ',
  '\u0000',
  'a\u0000b',
  '\r\n',
  '\u202Egnp.exe',
  '\u200B',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
  'Ä\u0308',
  '🙂',
  '👩‍👩‍👧‍👦',
  'ﷺ',
  'شارع الملك',
  'Straße',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  "'; DROP TABLE reports; --",
  '%00',
  '%',
  '%zz',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '{{7*7}}',
  '../../../etc/passwd',
  '..',
  '.',
  '/',
  '//evil.example',
  '/\\evil.example',
  'javascript:alert(1)',
  '=cmd|"/c calc"!A1',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '-1',
  '1',
  '1.5',
  ' 42 ',
  '0x10',
  '1e309',
  '1e-400',
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '99999999999999999999999999',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '2024-02-30',
  '2024-13-01',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '2024-05-01T25:61:61+99:99',
  '1970-01-01T00:00:00Z',
  '-271821-04-19',
  '51.5,7.5',
  '91,181',
  '-90.0000001',
  '7.4,51.4,7.6,51.6',
  '180,90,-180,-90',
  'x@y',
  'a@b.c',
  '@example.de',
  'ünïcödé@exämple.de',
];

/**
 * Numbers as a query string can spell them and a strict reader must refuse (or take, where the range allows):
 * infinite and overflowing values (which JSON Schema's range checks let through as Infinity), NaN, negative zero,
 * hex, numbers with spaces around, exponents, signs, leading zeros and other digits. Each answer must be a 400 or a
 * result, never a 500 (the audit's `page=1e400` and `district=Infinity`).
 */
export const NUMERIC_EDGES = [
  'Infinity',
  '-Infinity',
  '+Infinity',
  '1e400',
  '-1e400',
  '1e309',
  '-0',
  '+0',
  'NaN',
  '0x10',
  '0b1',
  '0o7',
  ' 1',
  '1 ',
  '1\t',
  '1e3',
  '1E2',
  '+1',
  '01',
  '1.',
  '.5',
  '1_000',
  '١',
  '2147483648',
  '9007199254740993',
  '-2147483649',
] as const;

export const numericEdge = fc.constantFrom(...NUMERIC_EDGES);

export const trickyString = fc.constantFrom(...TRICKY, ...NUMERIC_EDGES);

const longString = fc.oneof(
  fc.integer({ min: 200, max: 6_000 }).map((n) => 'ä'.repeat(n)),
  fc.integer({ min: 10_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ minLength: 300, maxLength: 2_000, unit: 'binary' }),
);

const numberish = fc.oneof(
  numericEdge,
  fc.integer().map(String),
  fc.integer({ min: -5, max: 400 }).map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
);

/**
 * Any hostile string: mostly short and odd, now and then long. Long ones are kept rare: a form has several
 * fields, every long value is parsed, stored and rendered back, and they would otherwise dominate the time.
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: trickyString, weight: 15 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 9 },
  { arbitrary: fc.string({ maxLength: 40, unit: 'binary' }), weight: 6 },
  { arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }), weight: 6 },
  { arbitrary: numberish, weight: 9 },
  {
    arbitrary: fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
    weight: 3,
  },
  { arbitrary: longString, weight: 1 },
);

/** A path segment that is still routed to the same route: ids, words, encodings, traversal. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '1',
    '2147483647',
    '2147483648',
    '99999999999999999999',
    '1.5',
    '1e3',
    '0x1',
    '0x10',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e400',
    '-0',
    '%201',
    '1%20',
    'abc',
    '..',
    '%2e%2e',
    '%00',
    '%E2%80%AE',
    '%F0%9F%99%82',
    'ä',
    '%C3%A4',
    '%',
    'null',
    ' ',
    '%20',
  ),
  fc.integer({ min: -10, max: 10_000 }).map(String),
  fc.string({ minLength: 1, maxLength: 30 }).map((s) => encodeURIComponent(s)),
  fc.string({ minLength: 1, maxLength: 300, unit: 'binary' }).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, 'x'))),
);
