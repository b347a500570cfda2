// Exact rationals on BigInt. Counting must never touch floating point: a rounding error of one cent
// can flip a tie and with it a funding decision.

export interface Rational {
  readonly num: bigint;
  /** Always positive; the fraction is kept reduced. */
  readonly den: bigint;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function lcm(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  const v = (a / gcd(a, b)) * b;
  return v < 0n ? -v : v;
}

export function rat(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational with zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  if (g > 1n) {
    n /= g;
    d /= g;
  }
  return { num: n, den: d };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

export function isRational(v: unknown): v is Rational {
  return typeof v === 'object' && v !== null && typeof (v as Rational).num === 'bigint' && typeof (v as Rational).den === 'bigint';
}

export const add = (a: Rational, b: Rational): Rational => (a.den === b.den ? rat(a.num + b.num, a.den) : rat(a.num * b.den + b.num * a.den, a.den * b.den));
export const sub = (a: Rational, b: Rational): Rational => (a.den === b.den ? rat(a.num - b.num, a.den) : rat(a.num * b.den - b.num * a.den, a.den * b.den));
export const mul = (a: Rational, b: Rational): Rational => rat(a.num * b.num, a.den * b.den);
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('division by zero');
  return rat(a.num * b.den, a.den * b.num);
}
export const neg = (a: Rational): Rational => ({ num: -a.num, den: a.den });

export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const eq = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;
export const lt = (a: Rational, b: Rational): boolean => cmp(a, b) < 0;
export const le = (a: Rational, b: Rational): boolean => cmp(a, b) <= 0;
export const isZero = (a: Rational): boolean => a.num === 0n;
export const isInteger = (a: Rational): boolean => a.den === 1n;
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);
export const sum = (xs: Iterable<Rational>): Rational => {
  let acc = ZERO;
  for (const x of xs) acc = add(acc, x);
  return acc;
};

/** Largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

const DECIMAL = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/**
 * Parses "1607513.56", "400000.0", "12" or a decimal comma ("0,5") exactly. Anything else (exponents,
 * thousands separators, empty strings) yields null so that the caller can report it instead of guessing.
 */
export function parseDecimal(text: string): Rational | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const [, sign = '', int = '0', frac = ''] = m;
  const scale = 10n ** BigInt(frac.length);
  const n = BigInt(int) * scale + (frac ? BigInt(frac) : 0n);
  return rat(sign === '-' ? -n : n, scale);
}

/** "a/b" or a decimal; the form used in reference files such as expected.json. */
export function parseRational(text: string): Rational | null {
  const parts = text.trim().split('/');
  if (parts.length === 2) {
    const [a = '', b = ''] = parts;
    if (!/^[+-]?\d+$/.test(a) || !/^\d+$/.test(b) || BigInt(b) === 0n) return null;
    return rat(BigInt(a), BigInt(b));
  }
  return parseDecimal(text);
}

/** Number of decimal places if the fraction terminates in base 10, else null. */
function terminatingDigits(a: Rational): number | null {
  let d = a.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : null;
}

/** Exact decimal notation ("1603005", "0.25") or null when the expansion does not terminate. */
export function toExactDecimal(a: Rational): string | null {
  const digits = terminatingDigits(a);
  if (digits === null) return null;
  return fixed(a.num * 10n ** BigInt(digits), a.den, digits);
}

function fixed(scaledNum: bigint, den: bigint, digits: number): string {
  // scaledNum / den is an integer number of 10^-digits units here.
  const units = scaledNum / den;
  const negative = units < 0n;
  const abs = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const intPart = abs.slice(0, abs.length - digits);
  const fracPart = digits > 0 ? `.${abs.slice(abs.length - digits)}` : '';
  return `${negative ? '-' : ''}${intPart}${fracPart}`;
}

/** Rounded to `digits` decimals, half away from zero; for display only. */
export function toFixed(a: Rational, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const twice = 2n * a.num * scale;
  const n = a.num < 0n ? (twice - a.den) / (2n * a.den) : (twice + a.den) / (2n * a.den);
  return fixed(n, 1n, digits);
}

/** Exact decimal when it terminates, else "num/den": lossless and readable. */
export function toExactString(a: Rational): string {
  return toExactDecimal(a) ?? `${a.num}/${a.den}`;
}
