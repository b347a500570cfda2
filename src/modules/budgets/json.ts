import { isRational, toExactString } from './counting/rational';

/** JSON.stringify replacer: exact rationals become decimal strings ("1607513.56") or "num/den". */
export function exactJsonReplacer(_key: string, value: unknown): unknown {
  if (isRational(value)) return toExactString(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function toExactJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, exactJsonReplacer, indent);
}
