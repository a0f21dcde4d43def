import { describe, expect, it } from "vitest";
import { REPLAY_ANCHOR, REPLAY_SYMBOLS, replayBook, replayMids } from "./generator";
import { impactPx } from "./book";
import { marketDay } from "./paths";

const MIN = 60_000;
const DAY = 86_400_000;
const times = Array.from({ length: 40 }, (_, i) => REPLAY_ANCHOR + i * 7 * 3_600_000 + i * 1_234);

describe.each(REPLAY_SYMBOLS)("the %s replay book", (symbol) => {
  it("straddles the mid: bids below and descending, asks above and ascending, sizes positive", () => {
    for (const t of times) {
      const book = replayBook("book", symbol, t);
      const mid = replayMids("book", t).find((m) => m.symbol === symbol)?.price ?? NaN;
      expect(book).toMatchObject({ symbol, time: t });
      expect(book.bids).toHaveLength(10);
      expect(book.asks).toHaveLength(10);
      expect(book.bids[0]?.px).toBeLessThan(mid);
      expect(book.asks[0]?.px).toBeGreaterThan(mid);
      for (let i = 1; i < 10; i++) {
        expect(book.bids[i]?.px).toBeLessThan(book.bids[i - 1]?.px ?? 0);
        expect(book.asks[i]?.px).toBeGreaterThan(book.asks[i - 1]?.px ?? 0);
      }
      for (const l of [...book.bids, ...book.asks]) {
        expect(l.sz).toBeGreaterThan(0);
        expect(l.n).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("holds more size away from the mid than at the touch", () => {
    const near = times.map((t) => replayBook("book", symbol, t)).reduce((s, b) => s + (b.bids[0]?.sz ?? 0) + (b.asks[0]?.sz ?? 0), 0);
    const far = times.map((t) => replayBook("book", symbol, t)).reduce((s, b) => s + (b.bids[9]?.sz ?? 0) + (b.asks[9]?.sz ?? 0), 0);
    expect(far).toBeGreaterThan(2 * near);
  });

  it("is the same book for the same second and seed", () => {
    expect(replayBook("book", symbol, times[3] ?? 0)).toEqual(replayBook("book", symbol, times[3] ?? 0));
  });
});

describe("spread and regime", () => {
  it("quotes a wider BTC spread in turbulent minutes than in calm ones", () => {
    const spreads: Record<number, number[]> = { 0: [], 1: [], 2: [] };
    for (let d = 0; d < 20; d++) {
      const regimes = marketDay("spread", d).regime;
      for (let m = 0; m < 1440; m += 17) {
        const book = replayBook("spread", "BTC", REPLAY_ANCHOR + d * DAY + m * MIN);
        spreads[regimes[m] ?? 1]?.push((book.asks[0]?.px ?? 0) - (book.bids[0]?.px ?? 0));
      }
    }
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(spreads[2]?.length).toBeGreaterThan(0);
    expect(avg(spreads[2] ?? [])).toBeGreaterThan(1.5 * avg(spreads[0] ?? []));
  });
});

describe("impactPx", () => {
  const levels = [
    { px: 100, sz: 1, n: 1 },
    { px: 99, sz: 2, n: 1 },
  ];
  it.each([
    ["filled at the touch", 50, 100],
    ["walking into the second level", 199, 99.5],
    ["more than the book holds", 1_000, null],
  ])("%s", (_name, notional, expected) => {
    expect(impactPx(levels, notional, 2)).toBe(expected);
  });
});
