// CSV for spreadsheets (open data exports, the letter codes' mail merge): RFC 4180 quoting, CRLF, UTF-8 with BOM (so
// Excel reads umlauts), and text cells that a spreadsheet would run as a formula are neutralised with a leading
// apostrophe (OWASP "CSV injection"). Every CSV the platform writes goes through here.

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvDocument(header: string[], rows: Cell[][]): string {
  return BOM + csvRow(header) + rows.map(csvRow).join('');
}
