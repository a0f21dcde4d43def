/**
 * settleRace on races small enough to work out by hand. Each row's comment is the
 * arithmetic; G = stakes, rake = CP = floor(5% G), D = G − rake − CP.
 */
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain/errors";
import { settleRace } from "./settle";
import type { SettlementInput, SettlementResult } from "./types";

type E = [cloneId: string, creatorId: string, equity: number];
type T = [ticketId: string, cloneId: string, stake: number];

function race(entrants: E[], tickets: T[], placeShares?: number[]): SettlementInput {
  return {
    entrants: entrants.map(([cloneId, creatorId, finalEquityCents]) => ({ cloneId, creatorId, finalEquityCents })),
    tickets: tickets.map(([ticketId, cloneId, stakeCents]) => ({ ticketId, cloneId, userId: `user-of-${ticketId}`, stakeCents })),
    ...(placeShares ? { placeShares } : {}),
  };
}

interface Expected {
  pools: [gross: number, rake: number, creatorPool: number, distribution: number, breakage: number];
  refund: boolean;
  ranking: [string, number][];
  tickets: [string, number][];
  creators: [string, number][];
}

function expected(e: Expected): SettlementResult {
  const [grossCents, rakeCents, creatorPoolCents, distributionCents, breakageCents] = e.pools;
  return {
    grossCents,
    rakeCents,
    creatorPoolCents,
    distributionCents,
    breakageCents,
    refund: e.refund,
    ranking: e.ranking.map(([cloneId, place]) => ({ cloneId, place })),
    ticketPayouts: e.tickets.map(([ticketId, payoutCents]) => ({ ticketId, payoutCents })),
    creatorPayouts: e.creators.map(([creatorId, payoutCents]) => ({ creatorId, payoutCents })),
  };
}

const FOUR: E[] = [["a", "u1", 400], ["b", "u2", 300], ["c", "u3", 200], ["d", "u4", 100]];

const CASES: [name: string, input: SettlementInput, result: Expected][] = [
  [
    // nothing staked: refund with nothing to refund, every creator listed with 0
    "no tickets",
    race([["a", "u1", 100], ["b", "u2", 90]], []),
    { pools: [0, 0, 0, 0, 0], refund: true, ranking: [["a", 1], ["b", 2]], tickets: [], creators: [["u1", 0], ["u2", 0]] },
  ],
  [
    // 2 entrants → 1 paid place. G 4000, D 3600 all to a: 3600·1000/4000 = 900, ·3000/4000 = 2700
    "2 entrants, all tickets on the winner",
    race([["a", "u1", 110], ["b", "u2", 100]], [["t1", "a", 1000], ["t2", "a", 3000]]),
    { pools: [4000, 200, 200, 3600, 0], refund: false, ranking: [["a", 1], ["b", 2]], tickets: [["t1", 900], ["t2", 2700]], creators: [["u1", 200], ["u2", 0]] },
  ],
  [
    // the loser's tickets get nothing; creators 200·1000/4000 = 50 and 200·3000/4000 = 150
    "2 entrants, tickets on both",
    race([["a", "u1", 110], ["b", "u2", 100]], [["t1", "a", 1000], ["t2", "b", 3000]]),
    { pools: [4000, 200, 200, 3600, 0], refund: false, ranking: [["a", 1], ["b", 2]], tickets: [["t1", 3600], ["t2", 0]], creators: [["u1", 50], ["u2", 150]] },
  ],
  [
    // the only paid place (1st) has no ticket: D 3600 back pro-rata, 900 and 2700
    "2 entrants, only the loser backed: refund",
    race([["a", "u1", 110], ["b", "u2", 100]], [["t1", "b", 1000], ["t2", "b", 3000]]),
    { pools: [4000, 200, 200, 3600, 0], refund: true, ranking: [["a", 1], ["b", 2]], tickets: [["t1", 900], ["t2", 2700]], creators: [["u1", 0], ["u2", 200]] },
  ],
  [
    // 3 entrants → 2 paid places, weights 60 and 25, W 85. G 3500, rake 175, D 3150.
    // t1 3150·60/85 = 2223.53 → 2223; b's 926.47 split 1000:500 → 617.65 → 617, 308.82 → 308; 3 places paid 3148
    "3 entrants, breakage on the 2nd place split",
    race([["a", "u1", 300], ["b", "u2", 200], ["c", "u3", 100]], [["t1", "a", 1000], ["t2", "b", 1000], ["t3", "c", 1000], ["t4", "b", 500]]),
    { pools: [3500, 175, 175, 3150, 2], refund: false, ranking: [["a", 1], ["b", 2], ["c", 3]], tickets: [["t1", 2223], ["t2", 617], ["t3", 0], ["t4", 308]], creators: [["u1", 50], ["u2", 75], ["u3", 50]] },
  ],
  [
    // a (1st, 60) has no ticket: its share passes to b (25) and c (15), W 40: 3600·25/40 = 2250, 3600·15/40 = 1350
    "winner unbacked: its share passes on",
    race(FOUR, [["t1", "b", 2000], ["t2", "c", 1000], ["t3", "d", 1000]]),
    { pools: [4000, 200, 200, 3600, 0], refund: false, ranking: [["a", 1], ["b", 2], ["c", 3], ["d", 4]], tickets: [["t1", 2250], ["t2", 1350], ["t3", 0]], creators: [["u1", 0], ["u2", 100], ["u3", 50], ["u4", 50]] },
  ],
  [
    // only 4th backed. G 1001, rake = CP = 50, D 901: 901·333/1001 = 299.73, 901·667/1001 = 600.37, 901·1/1001 = 0.9
    "no paid place backed: refund with breakage",
    race(FOUR, [["t1", "d", 333], ["t2", "d", 667], ["t3", "d", 1]]),
    { pools: [1001, 50, 50, 901, 2], refund: true, ranking: [["a", 1], ["b", 2], ["c", 3], ["d", 4]], tickets: [["t1", 299], ["t2", 600], ["t3", 0]], creators: [["u1", 0], ["u2", 0], ["u3", 0], ["u4", 50]] },
  ],
  [
    // a and b hold 1st and 2nd: (60+25)/2 = 42.5% each = 1530; c 15% = 540; d 0
    "dead heat for 1st",
    race([["a", "u1", 500], ["b", "u2", 500], ["c", "u3", 300], ["d", "u4", 100]], [["t1", "a", 1000], ["t2", "b", 1000], ["t3", "c", 1000], ["t4", "d", 1000]]),
    { pools: [4000, 200, 200, 3600, 0], refund: false, ranking: [["a", 1], ["b", 1], ["c", 3], ["d", 4]], tickets: [["t1", 1530], ["t2", 1530], ["t3", 540], ["t4", 0]], creators: [["u1", 50], ["u2", 50], ["u3", 50], ["u4", 50]] },
  ],
  [
    // a unbacked in a dead heat for 1st: weights a 42.5, b 42.5, c 15; W over backed = 57.5.
    // b 1800·42.5/57.5 = 1330.43 → 1330, c 1800·15/57.5 = 469.57 → 469
    "dead heat for 1st, one of the tied unbacked",
    race([["a", "u1", 500], ["b", "u2", 500], ["c", "u3", 300], ["d", "u4", 100]], [["t1", "b", 1000], ["t2", "c", 1000]]),
    { pools: [2000, 100, 100, 1800, 1], refund: false, ranking: [["a", 1], ["b", 1], ["c", 3], ["d", 4]], tickets: [["t1", 1330], ["t2", 469]], creators: [["u1", 0], ["u2", 50], ["u3", 50], ["u4", 0]] },
  ],
  [
    // a, b, c hold places 1–3 and split 100% three ways: 1111/3 each. G 1233, rake = CP = 61, D 1111.
    // a: 1111·100/999 = 111.2 → 111, 1111·233/999 = 259.1 → 259; b, c 370.33 → 370.
    // creators 61·333/1233 = 16.5, 61·200/1233 = 9.9, 61·300/1233 = 14.8, 61·400/1233 = 19.8 → 58, breakage 1 + 3
    "three-way dead heat for 1st",
    race([["a", "u1", 500], ["b", "u2", 500], ["c", "u3", 500], ["d", "u4", 100]], [["t1", "a", 100], ["t2", "a", 233], ["t3", "b", 200], ["t4", "c", 300], ["t5", "d", 400]]),
    { pools: [1233, 61, 61, 1111, 4], refund: false, ranking: [["a", 1], ["b", 1], ["c", 1], ["d", 4]], tickets: [["t1", 111], ["t2", 259], ["t3", 370], ["t4", 370], ["t5", 0]], creators: [["u1", 16], ["u2", 9], ["u3", 14], ["u4", 19]] },
  ],
  [
    // b, c, d hold 2nd–4th: only 2nd and 3rd are paid, so they split 25+15+0 = 40 → 13.33% each = 480; a 60% = 2160
    "three-way dead heat across the last paid place",
    race([["a", "u1", 500], ["b", "u2", 300], ["c", "u3", 300], ["d", "u4", 300]], [["t1", "a", 1000], ["t2", "b", 1000], ["t3", "c", 1000], ["t4", "d", 1000]]),
    { pools: [4000, 200, 200, 3600, 0], refund: false, ranking: [["a", 1], ["b", 2], ["c", 2], ["d", 2]], tickets: [["t1", 2160], ["t2", 480], ["t3", 480], ["t4", 480]], creators: [["u1", 50], ["u2", 50], ["u3", 50], ["u4", 50]] },
  ],
  [
    // creator "u10" owns a and b: 66·1000/1333 = 49.5 → 49 (per clone it would be 34 + 14 = 48); "U2" 66·333/1333 = 16.5 → 16.
    // Sorted by plain code units: "U2" < "u10" (localeCompare would put u10 first).
    // tickets: G 1333, D 1201, W 85: 1201·60/85 = 847.8, 1201·25/85 = 353.2
    "a creator with two entrants, summed then floored",
    race([["a", "u10", 300], ["b", "u10", 200], ["c", "U2", 100]], [["t1", "a", 700], ["t2", "b", 300], ["t3", "c", 333]]),
    { pools: [1333, 66, 66, 1201, 2], refund: false, ranking: [["a", 1], ["b", 2], ["c", 3]], tickets: [["t1", 847], ["t2", 353], ["t3", 0]], creators: [["U2", 16], ["u10", 49]] },
  ],
  [
    // shares [50, 50] → 2 paid places of 3 possible; D 900 halved
    "custom place shares: two equal places",
    race(FOUR, [["t1", "a", 100], ["t2", "b", 300], ["t3", "c", 600]], [50, 50]),
    { pools: [1000, 50, 50, 900, 0], refund: false, ranking: [["a", 1], ["b", 2], ["c", 3], ["d", 4]], tickets: [["t1", 450], ["t2", 450], ["t3", 0]], creators: [["u1", 5], ["u2", 15], ["u3", 30], ["u4", 0]] },
  ],
  [
    // winner takes all, winner unbacked → refund. G 999, rake = CP = 49, D 901: 901·500/999 = 450.95, 901·499/999 = 450.05
    "custom place shares: winner takes all, winner unbacked",
    race([["a", "u1", 3], ["b", "u2", 2], ["c", "u3", 1]], [["t1", "b", 500], ["t2", "c", 499]], [100]),
    { pools: [999, 49, 49, 901, 2], refund: true, ranking: [["a", 1], ["b", 2], ["c", 3]], tickets: [["t1", 450], ["t2", 450]], creators: [["u1", 0], ["u2", 24], ["u3", 24]] },
  ],
  [
    // more shares than places: 3 entrants pay 2 places, weights 10 and 20 → 90 and 180
    "custom place shares: longer than the paid places",
    race([["a", "u1", 3], ["b", "u2", 2], ["c", "u3", 1]], [["t1", "a", 100], ["t2", "b", 100], ["t3", "c", 100]], [10, 20, 30, 40]),
    { pools: [300, 15, 15, 270, 0], refund: false, ranking: [["a", 1], ["b", 2], ["c", 3]], tickets: [["t1", 90], ["t2", 180], ["t3", 0]], creators: [["u1", 5], ["u2", 5], ["u3", 5]] },
  ],
  [
    // the one paid place has share 0: nothing has a weight, so D goes back
    "custom place shares: the paid place is worth 0",
    race([["a", "u1", 2], ["b", "u2", 1]], [["t1", "a", 100], ["t2", "b", 300]], [0, 100]),
    { pools: [400, 20, 20, 360, 0], refund: true, ranking: [["a", 1], ["b", 2]], tickets: [["t1", 90], ["t2", 270]], creators: [["u1", 5], ["u2", 15]] },
  ],
  [
    // products far past 2^53 (worked out with exact rationals): G 2,901,234,567,890,139
    "stakes near the safe-integer limit",
    race([["a", "u1", 3], ["b", "u2", 2], ["c", "u3", 1]], [["t1", "a", 900_000_000_000_001], ["t2", "a", 1_234_567_890_123], ["t3", "b", 2_000_000_000_000_003], ["t4", "b", 7], ["t5", "c", 5]]),
    {
      pools: [2_901_234_567_890_139, 145_061_728_394_506, 145_061_728_394_506, 2_611_111_111_101_127, 3],
      refund: false,
      ranking: [["a", 1], ["b", 2], ["c", 3]],
      tickets: [["t1", 1_840_612_409_362_956], ["t2", 2_524_845_531_957], ["t3", 767_973_856_206_211], ["t4", 2], ["t5", 0]],
      creators: [["u1", 45_061_728_394_505], ["u2", 99_999_999_999_999], ["u3", 0]],
    },
  ],
];

describe("settleRace", () => {
  it.each(CASES)("%s", (_name, input, result) => {
    const settled = settleRace(input);
    expect(settled).toEqual(expected(result));
    const paid = [...settled.ticketPayouts, ...settled.creatorPayouts].reduce((s, p) => s + p.payoutCents, 0);
    expect(settled.rakeCents + paid + settled.breakageCents).toBe(settled.grossCents);
  });

  it("keeps input order within a dead heat and lists every ticket in input order", () => {
    const settled = settleRace(race([["z", "u1", 100], ["y", "u2", 200], ["x", "u3", 200]], [["t2", "x", 100], ["t1", "y", 100], ["t3", "z", 100]]));
    expect(settled.ranking).toEqual([{ cloneId: "y", place: 1 }, { cloneId: "x", place: 1 }, { cloneId: "z", place: 3 }]);
    expect(settled.ticketPayouts.map((t) => t.ticketId)).toEqual(["t2", "t1", "t3"]);
  });

  it("returns exactly the documented keys, in order", () => {
    const settled = settleRace(CASES[1]![1]);
    expect(Object.keys(settled)).toEqual(["grossCents", "rakeCents", "creatorPoolCents", "distributionCents", "breakageCents", "refund", "ranking", "ticketPayouts", "creatorPayouts"]);
  });

  it("refuses an invalid race with a DomainError naming the field", () => {
    const input = race([["a", "u1", 1], ["b", "u2", 0]], [["t1", "zz", 100]]);
    expect(() => settleRace(input)).toThrow(DomainError);
    expect(() => settleRace(input)).toThrow('tickets[0].cloneId: "zz" is not an entrant');
    try {
      settleRace({ ...input, tickets: [{ ticketId: "t1", cloneId: "a", userId: "u", stakeCents: 0 }] });
    } catch (e) {
      expect(e).toMatchObject({ code: "VALIDATION_FAILED", field: "tickets[0].stakeCents" });
    }
    expect.assertions(3);
  });
});
