/** One CSV record and the 1-based line it starts on (records may span lines inside quotes). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /** An empty line: no characters at all between the line breaks. */
  readonly blank: boolean;
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * RFC 4180 records with a configurable delimiter: a field that starts with `"` is quoted, may contain
 * delimiters and line breaks, and writes a literal quote as `""`. A quote inside an unquoted field is
 * kept as text (as Python's csv module does); text after a closing quote is an error rather than a guess.
 */
export function parseCsv(text: string, delimiter = ';'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let blank = true;
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        blank = false;
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) throw new CsvError(quoteLine, 'unterminated quoted field');
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
          value += ch;
          i++;
        }
        const next = text[i];
        if (i < n && next !== delimiter && next !== '\n' && next !== '\r') {
          // Usually a quote that was never closed, so point at the line where it opened.
          const where = line === quoteLine ? '' : ` on line ${line}`;
          throw new CsvError(
            quoteLine,
            `quoted field opened here is followed by text after its closing quote${where}: ${JSON.stringify(text.slice(i, i + 20))}`,
          );
        }
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
        value = text.slice(start, i);
        if (value.length > 0) blank = false;
      }
      fields.push(value);
      if (i < n && text[i] === delimiter) {
        blank = false;
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    records.push({ line: startLine, fields, blank });
  }
  return records;
}

/** Quotes a field only when it has to (delimiter, quote, line break, or surrounding spaces). */
export function csvField(value: string, delimiter = ';'): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

export function csvLine(values: readonly string[], delimiter = ';'): string {
  return values.map((v) => csvField(v, delimiter)).join(delimiter);
}
