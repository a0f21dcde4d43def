/**
 * Credits are integer cents. A number is used while it is a safe integer
 * (|x| < 2^53, i.e. ~90 trillion credits); anything else is refused, never rounded.
 */
import { DomainError } from "./errors";

export type Cents = number;

export const CENTS_PER_CREDIT = 100;

export function assertCents(value: number, field = "amount"): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError("VALIDATION_FAILED", `${field} must be a whole number of cents`, field);
  }
  return value;
}

export function credits(wholeCredits: number): Cents {
  return assertCents(wholeCredits * CENTS_PER_CREDIT);
}

const CREDITS_PATTERN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Parses what a person types for an amount of credits ("25", "12.5", "1,000.00")
 * into cents. Returns an error message instead of throwing, for forms.
 */
export function parseCredits(input: string): { ok: true; cents: Cents } | { ok: false; message: string } {
  const text = input.trim().replace(/,/g, "");
  if (text === "") return { ok: false, message: "Enter an amount" };
  if (text.startsWith("-")) return { ok: false, message: "Amount must be positive" };
  const m = CREDITS_PATTERN.exec(text);
  if (!m) return { ok: false, message: "Enter a number of credits with at most 2 decimals" };
  const cents = Number(m[1]) * CENTS_PER_CREDIT + Number((m[2] ?? "").padEnd(2, "0"));
  if (cents <= 0) return { ok: false, message: "Amount must be positive" };
  return { ok: true, cents };
}

const formatter = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 -> "1,234.56"; exact, via integer division (no float rounding of cents). */
export function formatCredits(cents: Cents): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / CENTS_PER_CREDIT);
  const frac = abs % CENTS_PER_CREDIT;
  return `${sign}${formatter.format(whole).split(".")[0]}.${String(frac).padStart(2, "0")}`;
}

/** Like formatCredits, with an explicit sign for ledger amounts: "+1,000.00", "-25.00". */
export function formatSignedCredits(cents: Cents): string {
  return cents > 0 ? `+${formatCredits(cents)}` : formatCredits(cents);
}
