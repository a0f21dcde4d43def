/**
 * Parsing the venues' decimal strings. A value that is not a plain finite decimal
 * ("1e400", "NaN", "", "12,5") is refused with the field named, never coerced.
 */
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export class MalformedValueError extends Error {
  constructor(
    public readonly field: string,
    public readonly value: unknown,
  ) {
    super(`${field}: expected a decimal number, got ${JSON.stringify(value)?.slice(0, 60)}`);
    this.name = "MalformedValueError";
  }
}

export function parseDecimal(value: unknown, field: string): number {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    throw new MalformedValueError(field, value);
  }
  if (typeof value !== "string" || !DECIMAL.test(value.trim())) throw new MalformedValueError(field, value);
  const n = Number(value.trim());
  if (!Number.isFinite(n)) throw new MalformedValueError(field, value);
  return n;
}

export function parseOptionalDecimal(value: unknown, field: string): number | null {
  return value === null || value === undefined ? null : parseDecimal(value, field);
}
