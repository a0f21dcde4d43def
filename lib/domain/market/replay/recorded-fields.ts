/**
 * Field readers for recorded files. Each names the file and the JSON path of the
 * offending value ("btc.json: [12].o: …"), so a bad recording can be fixed by
 * hand instead of guessed at.
 */
import { MalformedValueError, parseDecimal } from "../decimal";

export class RecordedFormatError extends Error {
  constructor(
    public readonly source: string,
    /** JSON path of the value at fault ("[3].o", "levels[0][2].px"), or "" for the whole file */
    public readonly at: string,
    detail: string,
  ) {
    super(`${source}: ${at ? `${at}: ` : ""}${detail}`);
    this.name = "RecordedFormatError";
  }
}

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

export class FieldReader {
  constructor(public readonly source: string) {}

  fail(at: string, detail: string): never {
    throw new RecordedFormatError(this.source, at, detail);
  }

  object(v: unknown, at: string): JsonObject {
    return isObject(v) ? v : this.fail(at, `expected an object, got ${describe(v)}`);
  }

  array(v: unknown, at: string): unknown[] {
    return Array.isArray(v) ? v : this.fail(at, `expected an array, got ${describe(v)}`);
  }

  text(v: unknown, at: string): string {
    return typeof v === "string" && v.length > 0 ? v : this.fail(at, `expected a non-empty string, got ${describe(v)}`);
  }

  decimal(v: unknown, at: string): number {
    try {
      return parseDecimal(v, at);
    } catch (e) {
      if (e instanceof MalformedValueError) this.fail(at, `expected a decimal number, got ${describe(v)}`);
      throw e;
    }
  }

  positive(v: unknown, at: string): number {
    const n = this.decimal(v, at);
    return n > 0 ? n : this.fail(at, `expected a positive number, got ${describe(v)}`);
  }

  nonNegative(v: unknown, at: string): number {
    const n = this.decimal(v, at);
    return n >= 0 ? n : this.fail(at, `expected a number >= 0, got ${describe(v)}`);
  }

  /** A count or an epoch time: a non-negative safe integer (numeric strings tolerated). */
  integer(v: unknown, at: string): number {
    const n = this.decimal(v, at);
    return Number.isSafeInteger(n) && n >= 0 ? n : this.fail(at, `expected a non-negative integer, got ${describe(v)}`);
  }
}

export function describe(v: unknown): string {
  if (v === undefined) return "nothing (field missing)";
  const json = JSON.stringify(v);
  return json === undefined ? typeof v : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** Groups rows by coin: recordings may mix coins, and each coin is stored as its own series. */
export function pushTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}
