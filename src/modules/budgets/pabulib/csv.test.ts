import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, csvField, csvLine, parseCsv } from './csv';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('splits on semicolons, not commas', () => {
    expect(fields('a;b,c;d\n')).toEqual([['a', 'b,c', 'd']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(fields('1;"""Konikowo"" - Budowa; etap 2";x\n')).toEqual([['1', '"Konikowo" - Budowa; etap 2', 'x']]);
    expect(fields('1;"two\nlines";3\n4;5;6')).toEqual([
      ['1', 'two\nlines', '3'],
      ['4', '5', '6'],
    ]);
    expect(fields('"";""""\n')).toEqual([['', '"']]);
  });

  it('keeps the line each record starts on, across quoted line breaks and CRLF', () => {
    const recs = parseCsv('a;b\r\n"x\r\ny";z\r\n\r\nlast');
    expect(recs.map((r) => [r.line, r.blank])).toEqual([
      [1, false],
      [2, false],
      [4, true],
      [5, false],
    ]);
  });

  it('marks empty lines as blank but not lines holding only delimiters', () => {
    const recs = parseCsv('\n;\n');
    expect(recs.map((r) => r.blank)).toEqual([true, false]);
    expect(recs[1]?.fields).toEqual(['', '']);
  });

  it('keeps a quote inside an unquoted field as text, like Python csv', () => {
    expect(fields('5" screen;x')).toEqual([['5" screen', 'x']]);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    expect(() => parseCsv('a;b\nc;"open\nmore\n')).toThrowError(CsvError);
    try {
      parseCsv('a;b\nc;"open\nmore\n');
    } catch (e) {
      expect((e as CsvError).line).toBe(2);
    }
  });

  it('rejects text after a closing quote instead of guessing', () => {
    expect(() => parseCsv('"abc"def;x')).toThrowError(/after its closing quote/);
  });

  it('round-trips any fields through csvLine', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const text = rows.map((r) => csvLine(r)).join('\n');
        expect(fields(text)).toEqual(rows);
      }),
    );
  });

  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(' padded')).toBe('" padded"');
  });
});
