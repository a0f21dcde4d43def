import { describe, expect, it } from "vitest";
import { minuteColumns } from "@/lib/domain/market/minute-columns";
import type { Candle } from "@/lib/domain/market/types";
import { countBefore, countOpenedBefore, minutesClosedBy } from "./series";

const M = 60_000;
const T0 = Date.UTC(2026, 0, 1);
const minute = (t: number): Candle => ({ openTime: t, closeTime: t + M - 1, open: 1, high: 1, low: 1, close: 1, volume: 0, trades: 0 });

/** the plain answer: a scan */
const opened = (minutes: readonly Candle[], x: number) => {
  let i = 0;
  while (i < minutes.length && minutes[i]!.openTime < x) i++;
  return i;
};

describe("counting over a series (its times in a typed array, and guessed for whole minutes)", () => {
  const whole = Array.from({ length: 500 }, (_, i) => minute(T0 + i * M));
  // holes: one minute, a run of five, and the first
  const holed = whole.filter((_, i) => i !== 0 && i !== 100 && !(i >= 200 && i < 205));

  it.each([
    ["whole minutes", whole],
    ["minutes with holes", holed],
    ["no minutes", [] as Candle[]],
  ])("countOpenedBefore over %s equals a scan, at every minute, second and bound", (_, minutes) => {
    for (let x = T0 - 2 * M; x <= T0 + 502 * M; x += 20_000) {
      const answer = opened(minutes, x);
      for (const lo of [0, 3, 150, 499, 600]) {
        // a caller's lo never passes the answer (the minutes before it opened before x), or is past the end
        if (lo > answer && lo < minutes.length) continue;
        expect(countOpenedBefore(minuteColumns(minutes), x, lo)).toBe(lo >= minutes.length ? lo : answer);
      }
      expect(minutesClosedBy(minuteColumns(minutes), x)).toBe(opened(minutes, x - M + 1));
    }
  });

  it("countBefore equals a scan, and a series that grew is searched as it is now", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ time: T0 + i * 3_600_000 + (i % 3) * 1_000 }));
    const scan = (T: number) => rows.filter((r) => r.time < T).length;
    for (let T = T0 - 3_600_000; T < T0 + 52 * 3_600_000; T += 600_000) expect(countBefore(rows, T)).toBe(scan(T));
    rows.push({ time: T0 + 60 * 3_600_000 });
    expect(countBefore(rows, T0 + 61 * 3_600_000)).toBe(51);
    expect(countBefore([], T0)).toBe(0);
  });
});
