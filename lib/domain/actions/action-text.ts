/**
 * Free text from a model (reasoning, invalidation) is stored and later shown as
 * text, never interpreted: HTML, script tags and template syntax are kept as
 * they are, because escaping is the renderer's job and the record must say what
 * the model said. What is removed is what no reader can see but a terminal, a
 * database or a layout can trip on.
 */

// C0 controls except \t (09) and \n (0A); \r is turned into \n before this runs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const C0_CONTROLS = /[\u0000-\u0008\u000B-\u001F]/g;
// Bidi overrides/isolates can make displayed text read differently from the
// stored text ("Trojan Source"); letters of right-to-left scripts are untouched.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// A lone surrogate cannot be stored as UTF-8 and corrupts a JSON round trip.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// any character one of the replacements below would touch: most text has none
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TOUCHED = /[\r\u0000-\u0008\u000B-\u001F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

export function sanitizeText(text: string): string {
  if (!TOUCHED.test(text)) return text;
  return text.replace(/\r\n?/g, "\n").replace(C0_CONTROLS, "").replace(BIDI_CONTROLS, "").replace(LONE_SURROGATE, "\uFFFD");
}

export interface CappedText {
  text: string;
  truncated: boolean;
}

/**
 * Sanitises and caps text at maxChars (UTF-16 units), note included. Only a
 * bounded head of a huge string is scanned, so megabytes cost no more than a
 * few kilobytes.
 */
export function capText(raw: string, maxChars: number): CappedText {
  const headLimit = maxChars * 4;
  const head = raw.length > headLimit ? raw.slice(0, headLimit) : raw;
  const clean = sanitizeText(head);
  if (clean.length <= maxChars && head.length === raw.length) return { text: clean, truncated: false };
  const note = ` … [truncated; ${raw.length.toLocaleString("en-US")} characters in total]`;
  let cut = Math.max(0, maxChars - note.length);
  // Never split a surrogate pair: half an emoji is a lone surrogate.
  if (cut > 0 && /[\uD800-\uDBFF]/.test(clean.charAt(cut - 1))) cut -= 1;
  return { text: clean.slice(0, cut) + note, truncated: true };
}

/** A short, safe rendering of any value for a rejection reason ("got ..."). */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "undefined":
      return "nothing";
    case "string": {
      const clean = sanitizeText(value.length > 200 ? value.slice(0, 200) : value);
      const shown = clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
      return JSON.stringify(shown);
    }
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value.toString()}n`;
    case "boolean":
      return String(value);
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      if (value === null) return "null";
      return Array.isArray(value) ? "a list" : "an object";
  }
}
