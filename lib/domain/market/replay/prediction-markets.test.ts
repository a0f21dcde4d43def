import { describe, expect, it } from "vitest";
import { DomainError } from "../../errors";
import { REPLAY_ANCHOR, replayCandles, replayPredictionMarkets, replayPredictionPrices } from "./generator";
import { normalCdf } from "./updown-pricing";

const MIN = 60_000;
const WINDOW = 15 * MIN;
const DAY = 86_400_000;
const windowStart = (i: number) => REPLAY_ANCHOR + 3 * DAY + i * WINDOW;

describe("replayPredictionMarkets", () => {
  it("lists one BTC up/down market per 15-minute window overlapping the range", () => {
    const markets = replayPredictionMarkets("pm", windowStart(0) + 5 * MIN, windowStart(4));
    expect(markets).toHaveLength(4);
    expect(markets[0]).toMatchObject({
      slug: `btc-updown-15m-${windowStart(0) / 1000}`,
      question: "Bitcoin Up or Down - January 4, 00:00-00:15 UTC",
      outcomes: ["Up", "Down"],
      endDate: windowStart(1),
    });
    for (const m of markets) {
      expect(m.id).toMatch(/^\d+$/);
      expect(m.conditionId).toMatch(/^0x[0-9a-f]{64}$/);
      expect(m.tokenIds).toHaveLength(2);
      for (const id of m.tokenIds) expect(id).toMatch(/^[1-9]\d{76}$/);
    }
    expect(new Set(markets.flatMap((m) => [m.id, ...m.tokenIds])).size).toBe(12);
  });

  it("gives other seeds other ids for the same window", () => {
    const [a] = replayPredictionMarkets("pm", windowStart(0), windowStart(1));
    const [b] = replayPredictionMarkets("pm-2", windowStart(0), windowStart(1));
    expect(b?.id).not.toBe(a?.id);
    expect(b?.tokenIds[0]).not.toBe(a?.tokenIds[0]);
  });

  it.each([
    ["before the window", -MIN, { active: true, closed: false, outcomePrices: [0.5, 0.5], bestBid: 0.49, bestAsk: 0.51 }],
    ["at its start", 0, { active: true, closed: false }],
    ["in its middle", 7 * MIN + 30_000, { active: true, closed: false }],
  ])("is a live market %s", (_name, offset, expected) => {
    const [m] = replayPredictionMarkets("pm", windowStart(10), windowStart(11), windowStart(10) + offset);
    expect(m).toMatchObject(expected);
    const [up, down] = m?.outcomePrices ?? [];
    expect((up ?? 0) + (down ?? 0)).toBeCloseTo(1, 10);
    expect(m?.bestBid ?? 1).toBeLessThan(m?.bestAsk ?? 0);
  });

  it("resolves Up exactly when BTC ends the window at or above its open", () => {
    const markets = replayPredictionMarkets("pm", windowStart(0), windowStart(96), windowStart(97));
    let ups = 0;
    markets.forEach((m, i) => {
      const candles = replayCandles("pm", "BTC", windowStart(i), windowStart(i + 1));
      const upWon = (candles.at(-1)?.close ?? 0) >= (candles[0]?.open ?? 0);
      expect(m).toMatchObject({ closed: true, active: false, outcomePrices: upWon ? [1, 0] : [0, 1], bestBid: null });
      ups += upWon ? 1 : 0;
    });
    expect(ups).toBeGreaterThan(96 * 0.3);
    expect(ups).toBeLessThan(96 * 0.7);
  });
});

describe("replayPredictionPrices", () => {
  const [market] = replayPredictionMarkets("pm", windowStart(20), windowStart(21), windowStart(22));

  it("prices a token every minute from the window's open to its settlement, within [0.01, 0.99]", () => {
    const upToken = market?.tokenIds[0] ?? "";
    const points = replayPredictionPrices("pm", upToken, REPLAY_ANCHOR + 2 * DAY, REPLAY_ANCHOR + 4 * DAY);
    expect(points.map((p) => p.time)).toEqual(Array.from({ length: 16 }, (_, k) => windowStart(20) + k * MIN));
    for (const p of points) {
      expect(p.tokenId).toBe(upToken);
      expect(p.price).toBeGreaterThanOrEqual(0.01);
      expect(p.price).toBeLessThanOrEqual(0.99);
    }
    expect(points.at(-1)?.price).toBe(market?.outcomePrices[0] === 1 ? 0.99 : 0.01);
  });

  it("gives a market id both tokens, prices adding up to one", () => {
    const points = replayPredictionPrices("pm", market?.id ?? "", windowStart(20), windowStart(20) + 5 * MIN);
    expect(points).toHaveLength(10);
    for (let i = 0; i < points.length; i += 2) {
      expect(points[i]?.tokenId).toBe(market?.tokenIds[0]);
      expect(points[i + 1]?.tokenId).toBe(market?.tokenIds[1]);
      expect((points[i]?.price ?? 0) + (points[i + 1]?.price ?? 0)).toBeCloseTo(1, 10);
    }
  });

  it("moves with BTC: Up is dear when BTC is above the window's open late in the window", () => {
    let agree = 0;
    let total = 0;
    for (let i = 0; i < 200; i++) {
      const [m] = replayPredictionMarkets("pm", windowStart(i), windowStart(i + 1), windowStart(i));
      const [open] = replayCandles("pm", "BTC", windowStart(i), windowStart(i) + MIN);
      const [late] = replayCandles("pm", "BTC", windowStart(i) + 12 * MIN, windowStart(i) + 13 * MIN);
      const [p] = replayPredictionPrices("pm", m?.tokenIds[0] ?? "", windowStart(i) + 12 * MIN, windowStart(i) + 13 * MIN);
      if (!open || !late || !p || late.open === open.open) continue;
      total++;
      if (late.open > open.open === p.price > 0.5) agree++;
    }
    expect(agree / total).toBeGreaterThan(0.9);
  });

  it.each([
    ["an unknown id", "12345"],
    ["a token of another seed", replayPredictionMarkets("other", windowStart(0), windowStart(1))[0]?.tokenIds[0] ?? ""],
  ])("refuses %s", (_name, id) => {
    expect(() => replayPredictionPrices("pm", id, windowStart(0), windowStart(1))).toThrow(DomainError);
  });
});

describe("normalCdf", () => {
  it.each([
    [0, 0.5],
    [1.959964, 0.975],
    [-1, 0.158655],
    [Infinity, 1],
    [-Infinity, 0],
  ])("Φ(%s) = %s", (z, p) => {
    expect(normalCdf(z)).toBeCloseTo(p, 6);
  });
});
