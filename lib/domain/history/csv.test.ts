import { describe, expect, it } from "vitest";
import { csvDecimal, csvField, csvRow, type CsvCell } from "./csv";

describe("csvField", () => {
  it.each<[string, CsvCell, string]>([
    ["plain text", "hold", "hold"],
    ["empty and missing", null, ""],
    ["undefined", undefined, ""],
    ["a comma", "EMA(12), EMA(48)", '"EMA(12), EMA(48)"'],
    ["a quote", 'the "trend" holds', '"the ""trend"" holds"'],
    ["a line break", "line one\nline two", '"line one\nline two"'],
    ["a CRLF", "a\r\nb", '"a\r\nb"'],
    ["a formula", "=HYPERLINK(\"http://x\",\"y\")", '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["a leading plus", "+1 trend", "\"'+1 trend\""],
    ["a leading minus in text", "-2+3", "\"'-2+3\""],
    ["a leading at", "@SUM(A1:A2)", "\"'@SUM(A1:A2)\""],
    ["a leading tab", "\t=1", "\"'\t=1\""],
    ["a leading carriage return", "\r=1", "\"'\r=1\""],
    ["an equals sign later on", "a=b", "a=b"],
    ["a negative number stays a number", -12.5, "-12.5"],
    ["a non-finite number", Number.NaN, ""],
    ["a boolean", true, "true"],
    ["an exact negative decimal stays a number", csvDecimal("-1234.500001"), "-1234.500001"],
    ["a malformed decimal is text, neutralised", csvDecimal("-1+1"), "\"'-1+1\""],
  ])("%s", (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("csvRow", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRow(["2026-07-01T10:00:00.000Z", "BTC", 1.5, null, "say \"hi\", then\nleave"])).toBe(
      '2026-07-01T10:00:00.000Z,BTC,1.5,,"say ""hi"", then\nleave"\r\n',
    );
  });

  it("a row read back by a strict parser gives the original values", () => {
    const values = ["a,b", 'q"q', "multi\nline", "=cmd|' /C calc'!A0", "plain"];
    const parsed = parseCsvLine(csvRow(values).slice(0, -2));
    expect(parsed).toEqual(["a,b", 'q"q', "multi\nline", "'=cmd|' /C calc'!A0", "plain"]);
  });
});

/** A minimal RFC 4180 field parser, to check the writer's output round-trips. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error("unterminated quote");
        value += line.slice(i, q);
        if (line[q + 1] === '"') { value += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      out.push(value);
      i++; // the comma
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}
