/**
 * One decision of one clone on one asset at T, in memory: the steps of
 * server/services/decisions/decide.ts after the context is resolved, in its order
 * and with its numbers (equity from the marks at T, the day-start and peak
 * equity carried forward, stale inputs as a no-trade, the rules decision, action
 * parsing, the safety gates, paper execution). What decide() writes as rows this
 * returns; the parity test holds the two to the same outcomes and fills.
 */
import { parseAction, type Action } from "@/lib/domain/actions/action";
import type { ContextPacket } from "@/lib/domain/decisions/context-packet";
import type { TradingPromptBlock } from "@/lib/domain/graph/schema";
import { bookDelta, equityWithMark, type PaperAccount } from "@/lib/domain/paper/account";
import type { ExecutionConfig } from "@/lib/domain/paper/config";
import { executeClose, executeOpen, type Executed, type MarketQuote } from "@/lib/domain/paper/execution";
import type { Position } from "@/lib/domain/paper/position-types";
import { checkGates, type GateContext, type KillSwitchLevel } from "@/lib/domain/risk/gates";
import type { GlobalLimits } from "@/lib/domain/runtime/controls";
import { rulesDecision } from "@/lib/domain/strategies/from-packet";

const DAY = 86_400_000;

export type DecisionStatus = "ACTION" | "HOLD" | "REJECTED" | "NO_TRADE";

export interface AccountState extends PaperAccount {
  peakEquityMicro: number;
  dayStartEquityMicro: number;
  dayStartMs: number;
}

export interface DecisionStepInput {
  T: number;
  asset: string;
  /** changed in place, as decide() saves the account's totals */
  account: AccountState;
  /** the asset's open position (a backtest trades one asset) */
  position: Position | null;
  market: MarketQuote | null;
  packet: ContextPacket;
  prompt: TradingPromptBlock;
  killSwitch?: KillSwitchLevel;
  limits?: GlobalLimits;
  config?: ExecutionConfig;
}

export interface DecisionStepResult {
  status: DecisionStatus;
  reason: string | null;
  action: Action | null;
  /** account equity at T, before this decision's order */
  equityMicro: number;
  /** the order that was filled: its position, and its amounts (already booked to the account) */
  executed: (Executed & { ok: true }) | null;
}

const cents = (micro: number) => Math.floor(micro / 10_000);

function outcome(equityMicro: number, status: DecisionStatus, reason: string | null, action: Action | null, executed: DecisionStepResult["executed"] = null): DecisionStepResult {
  return { status, reason, action, equityMicro, executed };
}

export function decisionStep(input: DecisionStepInput): DecisionStepResult {
  const { T, asset, account, position, market, packet, prompt } = input;
  const equityMicro = equityWithMark(account, position, asset, market ? market.referencePrice : null);
  // a new UTC day starts a new daily-loss window
  const dayStartMs = Math.floor(T / DAY) * DAY;
  const dayStartEquityMicro = dayStartMs > account.dayStartMs ? equityMicro : account.dayStartEquityMicro;
  const peakEquityMicro = Math.max(account.peakEquityMicro, equityMicro);
  if (dayStartMs > account.dayStartMs || peakEquityMicro !== account.peakEquityMicro) {
    // set in place, in Object.assign's order, without an object for it (the peak moves often)
    account.peakEquityMicro = peakEquityMicro;
    account.dayStartEquityMicro = dayStartEquityMicro;
    account.dayStartMs = Math.max(dayStartMs, account.dayStartMs);
  }
  if (packet.problems.length > 0) {
    const stale = packet.problems.filter((p) => p.asset === asset).map((p) => `${p.blockId}: ${p.reason}`);
    if (stale.length) return outcome(equityMicro, "NO_TRADE", `No trade on stale data: ${stale.join("; ")}`, null);
  }

  // the rules provider's answer: a strategy that throws is an "unavailable" outcome, a no-trade
  let raw: unknown;
  try {
    // explain: false, the action alone: a backtest keeps no reasoning and no inputs (the outcome does not depend on them)
    raw = rulesDecision({ asset, packet, tradingPrompt: prompt, position: position && { side: position.side, sizeBase: position.sizeBase, entryPrice: position.entryPrice }, explain: false }).action;
  } catch (err) {
    return outcome(equityMicro, "NO_TRADE", `the ${prompt.strategy} rule failed: ${err instanceof Error ? err.message : String(err)}`, null);
  }
  const parsed = parseAction(raw);
  if (!parsed.ok) return outcome(equityMicro, "REJECTED", `Malformed action: ${parsed.reason}`, null);
  const action = parsed.action;
  if (action.asset !== asset) return outcome(equityMicro, "REJECTED", `The decision was for ${asset}, the action names ${action.asset}`, action);

  // the gates' context as a function: a hold (most decisions) never reads it
  const gate = checkGates(action, () => gateContext(input, equityMicro, dayStartEquityMicro, peakEquityMicro));
  if (!gate.ok) return outcome(equityMicro, "REJECTED", `Safety gate ${gate.gate}: ${gate.reason}`, action);
  if (action.action === "hold") return outcome(equityMicro, "HOLD", action.reasoning, action);

  const executed =
    action.action === "close"
      ? executeClose(position!, "CLOSE_SIGNAL", market!, T, undefined, input.config)
      : executeOpen({
          asset, side: action.action === "open_long" ? "long" : "short", marginMicro: Math.floor((equityMicro * action.sizePct) / 100),
          leverage: action.leverage, stopLoss: action.stopLoss, takeProfit: action.takeProfit, trailingStopPct: action.trailingStopPct,
          market: market!, time: T, config: input.config,
        });
  if (!executed.ok) return outcome(equityMicro, "REJECTED", `Execution refused: ${executed.reason}`, action);
  Object.assign(account, bookDelta(account, executed.delta));
  return outcome(equityMicro, "ACTION", null, action, executed);
}

/**
 * What the gates read of a decision. A module function, so the closure decisionStep hands
 * the gates holds four values (V8 keeps a function's captured variables in an object made
 * at each call: captured there, all of decisionStep's were).
 */
function gateContext(input: DecisionStepInput, equityMicro: number, dayStartEquityMicro: number, peakEquityMicro: number): GateContext {
  const { asset, account, position, market, packet, prompt, limits } = input;
  return {
    limits: {
      maxPositionPct: Math.min(prompt.risk.maxPositionPct, limits?.maxPositionPct ?? Infinity),
      maxLeverage: Math.min(prompt.risk.maxLeverage, limits?.maxLeverage ?? Infinity),
      ...(limits && { maxNotionalCents: Math.round(limits.maxNotionalUsd * 100) }),
      maxDailyLossPct: prompt.risk.maxDailyLossPct,
      allowedActions: prompt.allowedActions,
      allowedAssets: packet.assets.filter((a) => a.enabled).map((a) => a.symbol.toUpperCase()),
    },
    account: {
      equityCents: cents(equityMicro), startEquityCents: cents(account.startMicro), dayStartEquityCents: cents(dayStartEquityMicro),
      peakEquityCents: cents(peakEquityMicro), openPositions: position ? [{ asset: position.asset, side: position.side, sizeBase: position.sizeBase }] : [],
    },
    market: { [asset]: market ? { stale: false, price: market.referencePrice } : { stale: true, staleReason: "no price before the decision time" } },
    killSwitch: input.killSwitch ?? "none",
  };
}
