/**
 * CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, a field with a
 * comma, a quote or a line break wrapped in double quotes with its quotes doubled).
 *
 * Text is neutralised against formula injection (OWASP "CSV injection"): a text
 * field that starts with =, +, -, @, a tab or a carriage return would be run as a
 * formula by Excel, LibreOffice or Google Sheets, so it gets a leading apostrophe
 * and is quoted. Reasoning text comes from a model and must never become a formula.
 *
 * Numbers are not neutralised: a number we format cannot be a formula, and a
 * negative PnL must stay a number in the spreadsheet. Exact decimals (micro-dollar
 * amounts formatted without floats) go through csvDecimal, which only accepts a
 * plain decimal and otherwise treats the value as text.
 */
export interface CsvDecimal {
  readonly decimal: string;
}

export type CsvCell = string | number | boolean | null | undefined | CsvDecimal;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** A decimal that goes into the file as a number ("-1234.5"), not as text. */
export function csvDecimal(decimal: string): CsvDecimal {
  return { decimal };
}

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "object") return PLAIN_DECIMAL.test(value.decimal) ? value.decimal : csvText(value.decimal);
  return csvText(value);
}

function csvText(text: string): string {
  if (FORMULA_START.test(text)) return quote(`'${text}`);
  return NEEDS_QUOTES.test(text) ? quote(text) : text;
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** One record, CRLF-terminated. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}
