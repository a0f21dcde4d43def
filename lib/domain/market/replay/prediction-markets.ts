/**
 * Polymarket-style "Bitcoin Up or Down" markets, one per 15-minute window of the
 * replay. Ids are derived from the seed and the window so they never collide
 * across windows and decode back to their window: the market id is a 4-digit seed
 * tag followed by the window index; a token id is 66 hash digits, the window
 * index (10 digits) and the outcome (1 = Up, 2 = Down).
 */
import { DomainError } from "../../errors";
import type { PredictionMarketInfo, PredictionPricePoint } from "../types";
import { MINUTE_MS, REPLAY_ANCHOR, UPDOWN_OUTCOMES, UPDOWN_WINDOW_MS } from "./assets";
import { replayMinute, type ReplaySeed } from "./paths";
import { hashDigits, hashHex } from "./prng";
import { checkWindow, firstMark } from "./quotes";
import { upThousandths, upWins } from "./updown-pricing";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const seedTag = (seed: ReplaySeed) => hashDigits(`${String(seed)}|updown-id`, 4);
const marketId = (seed: ReplaySeed, w: number) => `${seedTag(seed)}${String(w).padStart(8, "0")}`;
const tokenId = (seed: ReplaySeed, w: number, outcome: number) =>
  `${hashDigits(`${String(seed)}|updown|${w}|${outcome}`, 66)}${String(w).padStart(10, "0")}${outcome + 1}`;

/**
 * Markets whose window overlaps [fromMs, toMs), as they stood at asOfMs (default
 * toMs): before the end a live market priced off the path so far, from the end on
 * closed (active false) with outcome prices [1, 0] or [0, 1].
 */
export function replayPredictionMarkets(seed: ReplaySeed, fromMs: number, toMs: number, asOfMs: number = toMs): PredictionMarketInfo[] {
  checkWindow(fromMs, toMs);
  replayMinute(asOfMs, "asOfMs");
  const out: PredictionMarketInfo[] = [];
  for (let w = Math.floor((fromMs - REPLAY_ANCHOR) / UPDOWN_WINDOW_MS); REPLAY_ANCHOR + w * UPDOWN_WINDOW_MS < toMs; w++) {
    out.push(marketAt(seed, w, asOfMs));
  }
  return out;
}

/**
 * Minute points in [fromMs, toMs) for a token (its own series) or a market id
 * (both tokens, Up then Down at each minute). A window's points run from its start
 * to its end inclusive; the point at the end is the settled price (0.99 / 0.01).
 */
export function replayPredictionPrices(seed: ReplaySeed, marketOrTokenId: string, fromMs: number, toMs: number): PredictionPricePoint[] {
  checkWindow(fromMs, toMs);
  const { w, outcomes } = decodeId(seed, marketOrTokenId);
  const start = REPLAY_ANCHOR + w * UPDOWN_WINDOW_MS;
  const tokens = [tokenId(seed, w, 0), tokenId(seed, w, 1)];
  const out: PredictionPricePoint[] = [];
  for (let t = Math.max(start, firstMark(fromMs, MINUTE_MS)); t < toMs && t <= start + UPDOWN_WINDOW_MS; t += MINUTE_MS) {
    const up = upThousandths(seed, start, t);
    for (const o of outcomes) out.push({ tokenId: tokens[o] ?? "", time: t, price: (o === 0 ? up : 1000 - up) / 1000 });
  }
  return out;
}

function marketAt(seed: ReplaySeed, w: number, asOfMs: number): PredictionMarketInfo {
  const start = REPLAY_ANCHOR + w * UPDOWN_WINDOW_MS;
  const end = start + UPDOWN_WINDOW_MS;
  const closed = asOfMs >= end;
  const up = closed ? (upWins(seed, start) ? 1000 : 0) : asOfMs < start ? 500 : upThousandths(seed, start, minuteMark(asOfMs));
  const elapsed = Math.min(1, Math.max(0, (asOfMs - start) / UPDOWN_WINDOW_MS));
  const size = Number(hashDigits(`${String(seed)}|updown-size|${w}`, 6));
  return {
    id: marketId(seed, w),
    conditionId: `0x${hashHex(`${String(seed)}|updown|${w}|condition`, 64)}`,
    slug: `btc-updown-15m-${start / 1000}`,
    question: `Bitcoin Up or Down - ${windowLabel(start, end)}`,
    outcomes: [...UPDOWN_OUTCOMES],
    outcomePrices: [up / 1000, (1000 - up) / 1000],
    tokenIds: [tokenId(seed, w, 0), tokenId(seed, w, 1)],
    endDate: end,
    active: !closed,
    closed,
    volume: Math.round((20_000 + (size % 100_000)) * (0.2 + 0.8 * elapsed) * 100) / 100,
    liquidity: closed ? 0 : 10_000 + (size % 20_000),
    bestBid: closed ? null : Math.max(1, Math.floor((up - 5) / 10)) / 100,
    bestAsk: closed ? null : Math.min(99, Math.ceil((up + 5) / 10)) / 100,
  };
}

const minuteMark = (ms: number) => REPLAY_ANCHOR + Math.floor((ms - REPLAY_ANCHOR) / MINUTE_MS) * MINUTE_MS;

function decodeId(seed: ReplaySeed, id: string): { w: number; outcomes: number[] } {
  if (/^\d{12}$/.test(id) && id.startsWith(seedTag(seed))) return { w: Number(id.slice(4)), outcomes: [0, 1] };
  if (/^\d{77}$/.test(id)) {
    const w = Number(id.slice(66, 76));
    const outcome = Number(id.slice(76)) - 1;
    if ((outcome === 0 || outcome === 1) && tokenId(seed, w, outcome) === id) return { w, outcomes: [outcome] };
  }
  throw new DomainError("NOT_FOUND", `"${id.slice(0, 80)}" is not a replay up/down market or token id for this seed`, "marketOrTokenId");
}

function windowLabel(start: number, end: number): string {
  const s = new Date(start);
  const hm = (d: Date) => `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  return `${MONTHS[s.getUTCMonth()] ?? ""} ${s.getUTCDate()}, ${hm(s)}-${hm(new Date(end))} UTC`;
}
