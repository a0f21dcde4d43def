import { describe, expect, it } from "vitest";
import { breakerLevel, controlsFromRows, parseLimit, requireReason } from "./controls";

describe("controlsFromRows", () => {
  it("reads every kind of control", () => {
    const c = controlsFromRows([
      { key: "kill-switch", value: "flatten" },
      { key: "clone.paused.c1", value: "true" },
      { key: "clone.paused.c2", value: "false" },
      { key: "market.paused.replay", value: "true" },
      { key: "market.paused.kraken", value: "true" },
      { key: "limits.maxLeverage", value: "5" },
      { key: "limits.unknown", value: "5" },
    ]);
    expect(c.killSwitch).toBe("flatten");
    expect([...c.pausedClones]).toEqual(["c1"]);
    expect([...c.pausedSources]).toEqual(["replay"]);
    expect(c.limits).toEqual({ maxLeverage: 5, maxPositionPct: 100, maxNotionalUsd: 250_000 });
  });

  it.each([
    ["an unknown kill-switch level reads as emergency", [{ key: "kill-switch", value: "panic" }], (c: ReturnType<typeof controlsFromRows>) => c.killSwitch === "emergency"],
    ["an unreadable limit reads as its tightest bound", [{ key: "limits.maxLeverage", value: "lots" }], (c: ReturnType<typeof controlsFromRows>) => c.limits.maxLeverage === 1],
    ["an out-of-range limit reads as its tightest bound", [{ key: "limits.maxNotionalUsd", value: "1e12" }], (c: ReturnType<typeof controlsFromRows>) => c.limits.maxNotionalUsd === 100],
    ["a paused value that is not 'false' pauses", [{ key: "clone.paused.x", value: "yes" }], (c: ReturnType<typeof controlsFromRows>) => c.pausedClones.has("x")],
  ])("fails closed: %s", (_name, rows, check) => {
    expect(check(controlsFromRows(rows))).toBe(true);
  });
});

describe("parseLimit", () => {
  it.each([
    ["maxLeverage", "10", { ok: true, value: 10 }],
    ["maxLeverage", 0.5, { ok: false, reason: "Max leverage must be between 1 and 50 x" }],
    ["maxPositionPct", "", { ok: false, reason: "Max position size needs a number" }],
    ["maxNotionalUsd", "abc", { ok: false, reason: 'Max position notional must be a number, got "abc"' }],
  ] as const)("%s = %j", (name, raw, expected) => {
    expect(parseLimit(name, raw)).toEqual(expected);
  });
});

describe("breaker and entries", () => {
  it.each([["none", "pause"], ["pause", "pause"], ["flatten", "flatten"], ["emergency", "emergency"]] as const)("the breaker raises %s to %s, never lowers", (from, to) => {
    expect(breakerLevel(from)).toBe(to);
  });

  it("requires a reason", () => {
    expect(() => requireReason("  ")).toThrow(/reason/);
    expect(requireReason("  flash crash  ")).toBe("flash crash");
  });
});
