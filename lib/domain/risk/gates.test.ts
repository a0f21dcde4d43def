import { describe, expect, it } from "vitest";
import type { Action, ActionKind } from "@/lib/domain/actions/action";
import { checkGates, type GateContext, type GateName, type KillSwitchLevel } from "./gates";

const open: Action = { action: "open_long", asset: "BTC", sizePct: 10, leverage: 3, stopLoss: 95_000, takeProfit: 110_000, confidence: 0.6, reasoning: "r" };
const short: Action = { ...open, action: "open_short", stopLoss: 105_000, takeProfit: 90_000 };
const close: Action = { action: "close", asset: "ETH", sizePct: 0, leverage: 1, confidence: 0.6, reasoning: "r" };
const hold: Action = { action: "hold", asset: "BTC", sizePct: 0, leverage: 1, confidence: 0.6, reasoning: "r" };

function ctx(patch: {
  limits?: Partial<GateContext["limits"]>;
  account?: Partial<GateContext["account"]>;
  market?: GateContext["market"];
  killSwitch?: KillSwitchLevel;
} = {}): GateContext {
  return {
    limits: {
      maxPositionPct: 20,
      maxLeverage: 5,
      maxDailyLossPct: 5,
      maxDrawdownPct: 15,
      equityFloorCents: 900_000,
      allowedActions: ["open_long", "open_short", "close", "hold"],
      allowedAssets: ["BTC", "eth", "SOL"],
      ...patch.limits,
    },
    account: {
      equityCents: 1_000_000,
      startEquityCents: 1_000_000,
      dayStartEquityCents: 1_000_000,
      peakEquityCents: 1_050_000,
      openPositions: [{ asset: "ETH", side: "short" }],
      ...patch.account,
    },
    market: patch.market ?? { BTC: { stale: false, price: 100_000 }, ETH: { stale: true, staleReason: "no tick for 93 s", price: 3_000 } },
    killSwitch: patch.killSwitch ?? "none",
  };
}

type Case = [string, Action, GateContext, GateName, string];

describe("each gate fails with its own name and reason", () => {
  it.each<Case>([
    ["action not allowed", short, ctx({ limits: { allowedActions: ["open_long", "close", "hold"] } }), "allowed_action", "open_short is not an allowed action (allowed: open_long, close, hold)"],
    ["close not allowed", close, ctx({ limits: { allowedActions: ["open_long", "hold"] } }), "allowed_action", "close is not an allowed action (allowed: open_long, hold)"],
    ["asset not allowed", { ...open, asset: "DOGE" }, ctx(), "allowed_asset", "DOGE is not an allowed asset (allowed: BTC, eth, SOL)"],
    ["empty allow-list", open, ctx({ limits: { allowedAssets: [] } }), "allowed_asset", "BTC is not an allowed asset (allowed: none)"],
    ["close with nothing open", { ...close, asset: "BTC" }, ctx(), "nothing_to_close", "there is no open BTC position to close"],
    ["no market data", { ...open, asset: "SOL" }, ctx(), "stale_data", "no market data for SOL: no new entry without it"],
    ["stale market data", { ...open, asset: "ETH" }, ctx({ account: { openPositions: [] } }), "stale_data", "ETH market data is stale (no tick for 93 s): no new entry on stale data"],
    ["stale without a reason", open, ctx({ market: { BTC: { stale: true, price: 1 } } }), "stale_data", "BTC market data is stale: no new entry on stale data"],
    ["no price", open, ctx({ market: { BTC: { stale: false } } }), "stale_data", "no current BTC price: no new entry without one"],
    ["NaN price", open, ctx({ market: { BTC: { stale: false, price: NaN } } }), "stale_data", "no current BTC price: no new entry without one"],
    ["fractional cents", open, ctx({ account: { equityCents: 10.5 } }), "account", "account equity is not a whole number of cents: no new entries until the account is reconciled"],
    ["zero equity", open, ctx({ limits: { equityFloorCents: undefined }, account: { equityCents: 0 } }), "account", "account equity is $0.00: no new entries"],
    ["equity at the floor", open, ctx({ account: { equityCents: 900_000, dayStartEquityCents: 900_000, peakEquityCents: 900_000 } }), "equity_floor", "equity $9,000.00 is at or below the floor of $9,000.00: no new entries"],
    ["daily loss reached exactly", open, ctx({ account: { equityCents: 950_000 } }), "daily_loss", "daily loss of 5.00% (from $10,000.00 to $9,500.00) has reached the 5% limit: no new entries today"],
    ["daily loss exceeded", open, ctx({ account: { equityCents: 930_000 }, limits: { maxDailyLossPct: 7 } }), "daily_loss", "daily loss of 7.00% (from $10,000.00 to $9,300.00) has reached the 7% limit: no new entries today"],
    ["drawdown from peak", open, ctx({ account: { equityCents: 1_000_000, dayStartEquityCents: 1_000_000, peakEquityCents: 1_200_000 } }), "drawdown", "drawdown of 16.67% from the peak of $12,000.00 has reached the 15% limit: no new entries"],
    ["same side on a held asset", { ...short, asset: "BTC" }, ctx({ account: { openPositions: [{ asset: "btc", side: "short" }] } }), "one_position_per_asset", "already short BTC: one position per asset (close it first to resize)"],
    ["opposite side on a held asset", open, ctx({ account: { openPositions: [{ asset: "BTC", side: "short" }] } }), "one_position_per_asset", "BTC is short: close it before opening a long (no implicit flip)"],
    ["zero size on an open", { ...open, sizePct: 0 }, ctx(), "size", "sizePct must be above 0 for open_long, got 0"],
    ["size over the limit", { ...open, sizePct: 20.5 }, ctx(), "size", "sizePct 20.5 is above the 20% limit"],
    ["size under a cent of margin", { ...open, sizePct: 0.00001 }, ctx(), "size", "sizePct 0.00001 of equity $10,000.00 is less than one cent of margin"],
    ["NaN size", { ...open, sizePct: NaN }, ctx(), "size", "sizePct must be above 0 for open_long, got NaN"],
    ["leverage over the limit", { ...open, leverage: 6 }, ctx(), "leverage", "leverage 6 is above the 5x limit"],
    ["leverage under 1", { ...open, leverage: 0.5 }, ctx(), "leverage", "leverage must be at least 1, got 0.5"],
    ["long stop above the price", { ...open, stopLoss: 101_000 }, ctx(), "exit_plan", "stopLoss 101000 must be below the price 100000 for a long"],
    ["long stop at the price", { ...open, stopLoss: 100_000 }, ctx(), "exit_plan", "stopLoss 100000 must be below the price 100000 for a long"],
    ["long take-profit below the price", { ...open, takeProfit: 99_000 }, ctx(), "exit_plan", "takeProfit 99000 must be above the price 100000 for a long"],
    ["short stop below the price", { ...short, stopLoss: 99_000 }, ctx(), "exit_plan", "stopLoss 99000 must be above the price 100000 for a short"],
    ["short take-profit above the price", { ...short, takeProfit: 101_000 }, ctx(), "exit_plan", "takeProfit 101000 must be below the price 100000 for a short"],
    ["trailing stop of 100%", { ...open, trailingStopPct: 100 }, ctx(), "exit_plan", "trailingStopPct must be above 0 and below 100, got 100"],
    ["NaN limit fails closed", open, ctx({ limits: { maxLeverage: NaN } }), "leverage", "leverage 3 is above the NaNx limit"],
  ])("%s", (_name, action, context, gate, reason) => {
    expect(checkGates(action, context)).toEqual({ ok: false, gate, reason });
  });
});

describe("and each passes when its condition holds", () => {
  it.each<[string, Action, GateContext]>([
    ["a long within every limit", open, ctx()],
    ["a short within every limit", short, ctx()],
    ["an open without an exit plan", { ...open, stopLoss: undefined, takeProfit: undefined }, ctx()],
    ["asset allow-list is case-insensitive", { ...open, asset: "ETH", stopLoss: 2_900, takeProfit: 3_300 }, ctx({ account: { openPositions: [] }, market: { ETH: { stale: false, price: 3_000 } } })],
    ["size and leverage exactly at the limits", { ...open, sizePct: 20, leverage: 5 }, ctx()],
    ["daily loss just under the limit", open, ctx({ account: { equityCents: 950_001 } })],
    ["no drawdown limit configured", open, ctx({ limits: { maxDrawdownPct: undefined }, account: { peakEquityCents: 5_000_000 } })],
    ["no equity floor configured", open, ctx({ limits: { equityFloorCents: undefined }, account: { equityCents: 960_000, dayStartEquityCents: 960_000, peakEquityCents: 960_000 } })],
    ["close on stale data", close, ctx()],
    ["close past every loss limit", close, ctx({ account: { equityCents: 1, openPositions: [{ asset: "ETH", side: "short" }] } })],
    ["close of an asset no longer allowed", { ...close, asset: "DOGE" }, ctx({ account: { openPositions: [{ asset: "DOGE", side: "long" }] } })],
    ["hold of anything, anywhere", { ...hold, asset: "NOPE" }, ctx({ limits: { allowedActions: [] }, account: { equityCents: 0 } })],
  ])("%s", (_name, action, context) => {
    expect(checkGates(action, context)).toEqual({ ok: true, action });
  });

  it("a market keyed __proto__ is not market data", () => {
    const r = checkGates({ ...open, asset: "__PROTO__" }, ctx({ limits: { allowedAssets: ["__PROTO__"] } }));
    expect(r).toEqual({ ok: false, gate: "stale_data", reason: "no market data for __PROTO__: no new entry without it" });
  });
});

describe("kill switch", () => {
  const actions: Record<ActionKind, Action> = { open_long: open, open_short: short, close, hold };
  const PAUSE = "kill switch is at pause: no new entries (close and hold are still allowed)";
  const FLATTEN = "kill switch is at flatten: only close and hold are allowed";
  const EMERGENCY = "kill switch is at emergency: nothing but hold is allowed";
  it.each<[KillSwitchLevel, ActionKind, string | null]>([
    ["none", "open_long", null],
    ["none", "open_short", null],
    ["none", "close", null],
    ["none", "hold", null],
    ["pause", "open_long", PAUSE],
    ["pause", "open_short", PAUSE],
    ["pause", "close", null],
    ["pause", "hold", null],
    ["flatten", "open_long", FLATTEN],
    ["flatten", "open_short", FLATTEN],
    ["flatten", "close", null],
    ["flatten", "hold", null],
    ["emergency", "open_long", EMERGENCY],
    ["emergency", "open_short", EMERGENCY],
    ["emergency", "close", EMERGENCY],
    ["emergency", "hold", null],
  ])("%s: %s", (level, kind, reason) => {
    const r = checkGates(actions[kind], ctx({ killSwitch: level }));
    expect(r).toEqual(reason === null ? { ok: true, action: actions[kind] } : { ok: false, gate: "kill_switch", reason });
  });

  it("an unknown level is treated as emergency", () => {
    const r = checkGates(close, ctx({ killSwitch: "panic" as KillSwitchLevel }));
    expect(r).toEqual({ ok: false, gate: "kill_switch", reason: 'kill switch level "panic" is unknown, treated as emergency: nothing but hold is allowed' });
  });
});
