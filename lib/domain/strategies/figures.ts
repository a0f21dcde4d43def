/**
 * fmt: "100,099", "258.95", "0.0123457": plain en-US figures (the same on every
 * machine), precise enough to check a rule by hand and no more. By size: whole
 * numbers from 10,000, cents from 100, six significant digits below.
 *
 * The figures are Intl.NumberFormat's, which rounds the number's shortest decimal
 * (what String(n) shows) half away from zero. A rules decision formats two or more
 * numbers at every decision, so the common case is done here by the same rule on
 * String(n)'s digits (~4 times faster in a backtest); zero, non-finite numbers and
 * numbers String writes with an exponent go to Intl itself. figures.test.ts holds
 * the two to the same strings over millions of numbers, ties at every place included.
 */

// n.toLocaleString(locale, options) builds this very formatter on every call (~65 µs,
// more than the rest of a decision); made once, the strings are the same
const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const SIGNIFICANT = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 6 });

/** fmt through Intl: the definition, and the answer wherever the digits are not read here */
export function intlFmt(n: number): string {
  const size = Math.abs(n);
  if (size >= 10_000) return WHOLE.format(n);
  if (size >= 100) return CENTS.format(n);
  return SIGNIFICANT.format(n);
}

export function fmt(n: number): string {
  const size = Math.abs(n);
  // below 1e-6 String writes an exponent; from 2^53 the digits leave a double's integers
  if (!(size >= 1e-6 && size < 2 ** 53)) return intlFmt(n);
  if (size >= 10_000) {
    // Whole numbers: rounding the shortest decimal to an integer is rounding the double
    // itself. Each k + 0.5 below 2^52 is a double, so no decimal that reads back as
    // another double lies beyond it (from 2^52 every double is whole); and the
    // fraction size − floor is exact. No digits need writing out first.
    const floor = Math.floor(size);
    return figure(n, floor + (size - floor >= 0.5 ? 1 : 0), 0);
  }
  const text = String(size);
  let dot = text.indexOf(".");
  if (dot < 0) dot = text.length;
  // fraction digits kept: two, or up to the sixth significant digit
  let places: number;
  if (size >= 100) places = 2;
  else if (size >= 1) places = 6 - dot;
  else {
    let first = dot + 1;
    while (text.charCodeAt(first) === 48) first++; // "0"
    places = first - dot - 1 + 6;
  }
  // the digits up to that place as one integer (below 2^53, so exact), then half away from zero
  let digits = 0;
  for (let i = 0; i < dot; i++) digits = digits * 10 + (text.charCodeAt(i) - 48);
  for (let k = 1; k <= places; k++) digits = digits * 10 + (dot + k < text.length ? text.charCodeAt(dot + k) - 48 : 0);
  if (text.charCodeAt(dot + places + 1) >= 53) digits += 1; // the next digit is 5 or more (NaN past the end)
  return figure(n, digits, places);
}

/** digits × 10^-places as text, with n's sign: the fraction's trailing zeros dropped, the integer part grouped by thousands */
function figure(n: number, digits: number, places: number): string {
  let decimals = places;
  while (decimals > 0 && digits % 10 === 0) {
    digits /= 10;
    decimals--;
  }
  let body = String(digits);
  if (decimals > 0 && body.length <= decimals) body = "0".repeat(decimals + 1 - body.length) + body;
  const whole = body.length - decimals;
  const text = (whole > 3 ? grouped(body.slice(0, whole)) : body.slice(0, whole)) + (decimals > 0 ? `.${body.slice(whole)}` : "");
  return n < 0 ? `-${text}` : text;
}

function grouped(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}
