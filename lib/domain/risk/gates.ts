/**
 * Safety gates between a parsed Action and paper execution. Each gate has a
 * name and a reason a person can read, and the first gate that fails is the
 * one recorded. Every comparison is written so that NaN, a missing price or a
 * nonsense limit fails closed (`!(x <= max)` rather than `x > max`): these
 * gates are the last line before money moves, whatever the caller passes.
 *
 * Decisions:
 * - hold always passes: it is a recorded no-trade, even under Emergency.
 * - Kill switch: pause blocks new entries; flatten also allows only close and
 *   hold (closing everything is the runner's job, not an action's); emergency
 *   allows nothing but hold. An unknown level is treated as emergency.
 * - close is risk-reducing: it is not blocked by stale data, the loss limits,
 *   the equity floor or the asset allow-list (an asset removed from the list
 *   after entry can still be exited). A close with no open position on the
 *   asset is rejected, so the ledger never shows a close that closed nothing.
 * - One position per asset: any open while a position on that asset exists is
 *   rejected. Same side: no pyramiding (close first to resize). Opposite side:
 *   no implicit flip; the clone closes, then opens on a later decision.
 * - Loss limits block new entries once reached, not only once exceeded: the
 *   fee of one more entry would cross the line.
 */
import { marginCentsFor, type Action, type ActionKind } from "@/lib/domain/actions/action";
import { formatCredits, type Cents } from "@/lib/domain/money";

export const KILL_SWITCH_LEVELS = ["none", "pause", "flatten", "emergency"] as const;
export type KillSwitchLevel = (typeof KILL_SWITCH_LEVELS)[number];

export const GATE_NAMES = [
  "kill_switch",
  "allowed_action",
  "allowed_asset",
  "nothing_to_close",
  "stale_data",
  "account",
  "equity_floor",
  "daily_loss",
  "drawdown",
  "one_position_per_asset",
  "size",
  "leverage",
  "exit_plan",
] as const;
export type GateName = (typeof GATE_NAMES)[number];

export interface GateLimits {
  /** Max margin per position, percent of equity (see sizePct in actions). */
  maxPositionPct: number;
  maxLeverage: number;
  /** Max notional (margin × leverage) of one position, in cents: the runtime controls' global cap. */
  maxNotionalCents?: Cents;
  /** Percent of the day's starting equity, e.g. 5 for 5%. */
  maxDailyLossPct: number;
  /** Percent below peak equity. */
  maxDrawdownPct?: number;
  equityFloorCents?: Cents;
  allowedActions: readonly ActionKind[];
  allowedAssets: readonly string[];
}

export interface OpenPositionView {
  asset: string;
  side: "long" | "short";
  sizeBase?: number;
}

export interface GateAccount {
  equityCents: Cents;
  startEquityCents: Cents;
  dayStartEquityCents: Cents;
  peakEquityCents: Cents;
  openPositions: readonly OpenPositionView[];
}

export interface MarketView {
  stale: boolean;
  staleReason?: string;
  price?: number;
}

export interface GateContext {
  limits: GateLimits;
  account: GateAccount;
  /** Keyed by upper-case asset symbol. */
  market: Readonly<Record<string, MarketView | undefined>>;
  killSwitch: KillSwitchLevel;
}

export type GateResult = { ok: true; action: Action } | { ok: false; gate: GateName; reason: string };
type Rejection = Extract<GateResult, { ok: false }>;

const reject = (gate: GateName, reason: string): Rejection => ({ ok: false, gate, reason });
const usd = (cents: Cents) => `$${formatCredits(cents)}`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(2)}%`;
const sameAsset = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

function killSwitchGate(action: Action, level: KillSwitchLevel): Rejection | null {
  if (level === "none") return null;
  const isOpen = action.action === "open_long" || action.action === "open_short";
  if (level === "pause") return isOpen ? reject("kill_switch", "kill switch is at pause: no new entries (close and hold are still allowed)") : null;
  if (level === "flatten") return isOpen ? reject("kill_switch", "kill switch is at flatten: only close and hold are allowed") : null;
  const known = level === "emergency" ? "kill switch is at emergency" : `kill switch level ${JSON.stringify(String(level))} is unknown, treated as emergency`;
  return reject("kill_switch", `${known}: nothing but hold is allowed`);
}

function accountGates(limits: GateLimits, account: GateAccount): Rejection | null {
  const { equityCents: equity, dayStartEquityCents: dayStart, peakEquityCents: peak } = account;
  if (![equity, dayStart, peak].every((c) => Number.isSafeInteger(c))) {
    return reject("account", "account equity is not a whole number of cents: no new entries until the account is reconciled");
  }
  if (!(equity > 0)) return reject("account", `account equity is ${usd(equity)}: no new entries`);
  const floor = limits.equityFloorCents;
  if (floor !== undefined && !(equity > floor)) {
    return reject("equity_floor", `equity ${usd(equity)} is at or below the floor of ${usd(floor)}: no new entries`);
  }
  // Cross-multiplied so whole cents are compared exactly (0.07 * 100 is 7.000000000000001).
  if (!((dayStart - equity) * 100 < dayStart * limits.maxDailyLossPct)) {
    return reject("daily_loss", `daily loss of ${pct((dayStart - equity) / dayStart)} (from ${usd(dayStart)} to ${usd(equity)}) has reached the ${limits.maxDailyLossPct}% limit: no new entries today`);
  }
  const maxDrawdown = limits.maxDrawdownPct;
  if (maxDrawdown !== undefined && !((peak - equity) * 100 < peak * maxDrawdown)) {
    return reject("drawdown", `drawdown of ${pct((peak - equity) / peak)} from the peak of ${usd(peak)} has reached the ${maxDrawdown}% limit: no new entries`);
  }
  return null;
}

function sizeGates(action: Action, limits: GateLimits, equityCents: Cents): Rejection | null {
  const { sizePct, leverage } = action;
  if (!(sizePct > 0)) return reject("size", `sizePct must be above 0 for ${action.action}, got ${sizePct}`);
  if (!(sizePct <= limits.maxPositionPct)) return reject("size", `sizePct ${sizePct} is above the ${limits.maxPositionPct}% limit`);
  if (!(marginCentsFor(equityCents, sizePct) >= 1)) {
    return reject("size", `sizePct ${sizePct} of equity ${usd(equityCents)} is less than one cent of margin`);
  }
  if (!(leverage >= 1)) return reject("leverage", `leverage must be at least 1, got ${leverage}`);
  if (!(leverage <= limits.maxLeverage)) return reject("leverage", `leverage ${leverage} is above the ${limits.maxLeverage}x limit`);
  const cap = limits.maxNotionalCents;
  if (cap !== undefined && !(marginCentsFor(equityCents, sizePct) * leverage <= cap)) {
    return reject("size", `a notional of ${usd(marginCentsFor(equityCents, sizePct) * leverage)} (${sizePct}% of ${usd(equityCents)} at ${leverage}x) is above the ${usd(cap)} cap`);
  }
  return null;
}

function exitPlanGate(action: Action, price: number): Rejection | null {
  const long = action.action === "open_long";
  const side = long ? "long" : "short";
  const { stopLoss, takeProfit, trailingStopPct } = action;
  if (stopLoss !== undefined && !(long ? stopLoss < price : stopLoss > price)) {
    return reject("exit_plan", `stopLoss ${stopLoss} must be ${long ? "below" : "above"} the price ${price} for a ${side}`);
  }
  if (takeProfit !== undefined && !(long ? takeProfit > price : takeProfit < price)) {
    return reject("exit_plan", `takeProfit ${takeProfit} must be ${long ? "above" : "below"} the price ${price} for a ${side}`);
  }
  if (trailingStopPct !== undefined && !(trailingStopPct > 0 && trailingStopPct < 100)) {
    return reject("exit_plan", `trailingStopPct must be above 0 and below 100, got ${trailingStopPct}`);
  }
  return null;
}

function openGates(action: Action, ctx: GateContext): Rejection | null {
  const { limits, account } = ctx;
  const asset = action.asset;
  if (!limits.allowedAssets.some((a) => sameAsset(a, asset))) {
    return reject("allowed_asset", `${asset} is not an allowed asset (allowed: ${limits.allowedAssets.join(", ") || "none"})`);
  }
  const market = Object.hasOwn(ctx.market, asset) ? ctx.market[asset] : undefined;
  if (!market) return reject("stale_data", `no market data for ${asset}: no new entry without it`);
  if (market.stale !== false) {
    return reject("stale_data", `${asset} market data is stale${market.staleReason ? ` (${market.staleReason})` : ""}: no new entry on stale data`);
  }
  const price = market.price;
  if (price === undefined || !(Number.isFinite(price) && price > 0)) {
    return reject("stale_data", `no current ${asset} price: no new entry without one`);
  }
  const accountRejection = accountGates(limits, account);
  if (accountRejection) return accountRejection;
  const held = account.openPositions.find((p) => sameAsset(p.asset, asset));
  if (held) {
    const wanted = action.action === "open_long" ? "long" : "short";
    return reject(
      "one_position_per_asset",
      held.side === wanted
        ? `already ${held.side} ${asset}: one position per asset (close it first to resize)`
        : `${asset} is ${held.side}: close it before opening a ${wanted} (no implicit flip)`,
    );
  }
  return sizeGates(action, limits, account.equityCents) ?? exitPlanGate(action, price);
}

/**
 * @param context what the gates read, or a function that builds it: only an action
 *   other than hold reads it (a backtest builds it for those only)
 */
export function checkGates(action: Action, context: GateContext | (() => GateContext)): GateResult {
  if (action.action === "hold") return { ok: true, action };
  const ctx = typeof context === "function" ? context() : context;
  const rejection =
    killSwitchGate(action, ctx.killSwitch) ??
    (ctx.limits.allowedActions.includes(action.action)
      ? null
      : reject("allowed_action", `${action.action} is not an allowed action (allowed: ${ctx.limits.allowedActions.join(", ") || "none"})`));
  if (rejection) return rejection;
  if (action.action === "close") {
    const held = ctx.account.openPositions.some((p) => sameAsset(p.asset, action.asset));
    return held ? { ok: true, action } : reject("nothing_to_close", `there is no open ${action.asset} position to close`);
  }
  if (action.action === "open_long" || action.action === "open_short") return openGates(action, ctx) ?? { ok: true, action };
  // Unreachable for a parsed Action; fail closed for anything built by hand.
  return reject("allowed_action", `unknown action ${JSON.stringify(String(action.action))}`);
}
