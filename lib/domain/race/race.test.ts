import { describe, expect, it } from "vitest";
import { assertTransition, canTransition, nextRaceStep, RACE_STATUSES, type RaceStatus } from "./lifecycle";
import { liveOdds } from "./odds";
import { checkSchedule, wallMs } from "./schedule";
import { checkClientKey, checkStake, ticketsClosedReason } from "./tickets";

describe("race lifecycle", () => {
  it("allows exactly the documented transitions", () => {
    const allowed = new Set([
      "ACCUMULATING>LAUNCHED", "ACCUMULATING>CANCELLED", "LAUNCHED>LIVE", "LAUNCHED>CANCELLED", "LIVE>SETTLING", "LIVE>CANCELLED",
      "SETTLING>SETTLED", "SETTLED>ARCHIVED",
    ]);
    for (const from of RACE_STATUSES) {
      for (const to of RACE_STATUSES) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
    expect(() => assertTransition("SETTLED", "LIVE")).toThrow("A SETTLED race cannot become LIVE");
  });

  it.each<[string, { status: RaceStatus; launchAtMs: number; endsAtMs: number | null; entrants: number }, number, ReturnType<typeof nextRaceStep>]>([
    ["accumulating before launch: waits", { status: "ACCUMULATING", launchAtMs: 1_000, endsAtMs: null, entrants: 8 }, 999, { kind: "wait", untilMs: 1_000 }],
    ["accumulating at launch: launches", { status: "ACCUMULATING", launchAtMs: 1_000, endsAtMs: null, entrants: 2 }, 1_000, { kind: "launch" }],
    ["one entrant at launch: cancelled", { status: "ACCUMULATING", launchAtMs: 1_000, endsAtMs: null, entrants: 1 }, 2_000, { kind: "cancel", reason: "Only 1 entrant at launch; a race needs 2" }],
    ["no entrant at launch: cancelled", { status: "ACCUMULATING", launchAtMs: 1_000, endsAtMs: null, entrants: 0 }, 2_000, { kind: "cancel", reason: "Only 0 entrants at launch; a race needs 2" }],
    ["launched: goes live", { status: "LAUNCHED", launchAtMs: 1_000, endsAtMs: null, entrants: 8 }, 2_000, { kind: "go-live" }],
    ["live before its end: waits", { status: "LIVE", launchAtMs: 1_000, endsAtMs: 5_000, entrants: 8 }, 4_999, { kind: "wait", untilMs: 5_000 }],
    ["live at its end: ends", { status: "LIVE", launchAtMs: 1_000, endsAtMs: 5_000, entrants: 8 }, 5_000, { kind: "end" }],
    ["settling: settles", { status: "SETTLING", launchAtMs: 1_000, endsAtMs: 5_000, entrants: 8 }, 9_000, { kind: "settle" }],
    ["settled: nothing", { status: "SETTLED", launchAtMs: 1_000, endsAtMs: 5_000, entrants: 8 }, 9_000, { kind: "none" }],
    ["cancelled: nothing", { status: "CANCELLED", launchAtMs: 1_000, endsAtMs: null, entrants: 1 }, 9_000, { kind: "none" }],
  ])("%s", (_name, race, now, step) => {
    expect(nextRaceStep(race, now)).toEqual(step);
  });
});

describe("schedule", () => {
  it("compresses race minutes by the time scale, never below a second", () => {
    expect(wallMs(60, 1)).toBe(3_600_000);
    expect(wallMs(60, 30)).toBe(120_000);
    expect(wallMs(1, 10_000)).toBe(1_000);
  });

  it.each([
    [{ accumulateMinutes: 0, liveMinutes: 60, timeScale: 1 }, "accumulateMinutes"],
    [{ accumulateMinutes: 60, liveMinutes: 1.5, timeScale: 1 }, "liveMinutes"],
    [{ accumulateMinutes: 60, liveMinutes: 60, timeScale: 0.5 }, "timeScale"],
    [{ accumulateMinutes: 60, liveMinutes: 60, timeScale: Number.NaN }, "timeScale"],
  ])("refuses %o naming %s", (s, field) => {
    expect(() => checkSchedule(s)).toThrow(expect.objectContaining({ field }));
  });
});

describe("tickets", () => {
  it("takes 1 to 1,000 credits in whole cents", () => {
    expect(checkStake(100)).toBe(100);
    expect(checkStake(100_000)).toBe(100_000);
    for (const bad of [99, 100_001, 150.5, -100, Number.NaN]) expect(() => checkStake(bad)).toThrow(expect.objectContaining({ field: "stakeCents" }));
    expect(() => checkClientKey("  ")).toThrow(expect.objectContaining({ field: "clientKey" }));
    expect(checkClientKey(" k-1 ")).toBe("k-1");
  });

  it("sells only while accumulating and before launch", () => {
    expect(ticketsClosedReason({ status: "ACCUMULATING", number: 3, launchAtMs: 10 }, 9)).toBeNull();
    expect(ticketsClosedReason({ status: "ACCUMULATING", number: 3, launchAtMs: 10 }, 10)).toBe("Race #3 is launching: tickets are closed");
    expect(ticketsClosedReason({ status: "LIVE", number: 3, launchAtMs: 10 }, 5)).toBe("Race #3 is live: tickets are sold only while a race is accumulating");
  });
});

describe("live odds", () => {
  it("gives stake shares and the payout per credit by place, after rake and creator pool", () => {
    const { poolCents, distributionCents, odds } = liveOdds([
      { cloneId: "a", stakeCents: 60_000 },
      { cloneId: "b", stakeCents: 30_000 },
      { cloneId: "c", stakeCents: 10_000 },
      { cloneId: "d", stakeCents: 0 },
    ]);
    expect(poolCents).toBe(100_000);
    expect(distributionCents).toBe(90_000);
    expect(odds.map((o) => o.stakeShare)).toEqual([0.6, 0.3, 0.1, 0]);
    // 1st: 60% of 90,000 over a's 60,000 = 0.9 per credit; c: 54,000 / 10,000 = 5.4
    expect(odds[0]!.payoutPerCredit).toEqual([0.9, 0.375, 0.225]);
    expect(odds[2]!.payoutPerCredit[0]).toBeCloseTo(5.4, 10);
    expect(odds[3]!.payoutPerCredit).toEqual([null, null, null]);
  });

  it("renormalizes over min(3, entrants − 1) paid places", () => {
    const { odds } = liveOdds([{ cloneId: "a", stakeCents: 1_000 }, { cloneId: "b", stakeCents: 1_000 }]);
    // two entrants: one paid place, all of D to 1st
    expect(odds[0]!.payoutPerCredit).toEqual([1.8]);
  });
});
