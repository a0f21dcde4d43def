import { describe, expect, it } from "vitest";
import { sanitizeText } from "./action-text";

describe("sanitizeText leaves text alone unless it holds a character it removes or replaces", () => {
  // the characters it touches, spelled out once more
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const TOUCHED = /[\r\u0000-\u0008\u000B-\u001F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

  it("for every UTF-16 unit, alone and inside plain text", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const text = `EMA(12) 95,014 is above${ch}EMA(48)`;
      if (TOUCHED.test(ch)) {
        expect(sanitizeText(ch), `U+${c.toString(16)}`).not.toBe(ch);
      } else {
        expect(sanitizeText(ch)).toBe(ch);
        expect(sanitizeText(text)).toBe(text);
      }
    }
  });

  it("keeps a surrogate pair (an emoji) and replaces a lone half", () => {
    expect(sanitizeText("up 🚀")).toBe("up 🚀");
    expect(sanitizeText("up \uD83D")).toBe("up \uFFFD");
  });
});
