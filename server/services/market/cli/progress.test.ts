import { describe, expect, it } from "vitest";
import { ProgressBar, formatDuration } from "./progress";
import { capture } from "./test-io";

describe("ProgressBar", () => {
  it("redraws one line with \\r on a terminal and ends it on finish", () => {
    const out = capture(true);
    let now = 0;
    const bar = new ProgressBar(out, "replay BTC candles", () => now);
    bar.update({ done: 0, total: 4, rows: 0 });
    now = 1500;
    bar.update({ done: 1, total: 4, rows: 1440 });
    bar.finish();
    const frames = out.text.split("\r").filter(Boolean);
    expect(frames).toHaveLength(2);
    expect(frames[1]).toBe("replay BTC candles [######..................] 25% 1/4 chunks · 1,440 rows · 1.5s\x1b[K\n");
    expect(out.text.split("\n")).toHaveLength(2);
  });

  it("prints a plain line every tenth of the way when not on a terminal", () => {
    const out = capture(false);
    const bar = new ProgressBar(out, "x", () => 0);
    for (let done = 0; done <= 40; done++) bar.update({ done, total: 40, rows: done * 10 });
    bar.finish();
    const lines = out.text.trimEnd().split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("x: 0% 0/40 chunks · 0 rows · 0.0s");
    expect(lines[10]).toBe("x: 100% 40/40 chunks · 400 rows · 0.0s");
    expect(out.text).not.toContain("\r");
  });

  it.each([[250, "0.3s"], [42_040, "42.0s"], [750_000, "12:30"], [3_723_000, "1:02:03"]])("formats %i ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
