/**
 * One decision, the whole pipeline: market memory -> context resolver -> prompt ->
 * model -> action validation -> safety gates -> paper execution -> positions and
 * account. Every outcome, including a rejected or missing answer, is a stored
 * decision run; nothing here throws for a bad model answer. A decision slot
 * (account, asset, T) is decided once: a retry returns the stored run, found by the
 * first read (so the model is not asked again), or, when two deciders race for the
 * slot, by the unique-constraint violation of the loser's insert.
 */
import type { ContextPacket } from "@/lib/domain/decisions/context-packet";
import { contextPrompt, type AccountSnapshot } from "@/lib/domain/decisions/prompt";
import { DomainError } from "@/lib/domain/errors";
import { parseAction, type Action } from "@/lib/domain/actions/action";
import { equityBreakdown, freeMargin, unrealizedPnlMicro } from "@/lib/domain/paper/account";
import { microToUsd } from "@/lib/domain/paper/money-micro";
import { checkGates, type KillSwitchLevel } from "@/lib/domain/risk/gates";
import type { GlobalLimits } from "@/lib/domain/runtime/controls";
import { hyperliquidOrderPayload, marketableLimitPrice } from "@/lib/domain/paper/dry-run";
import type { PaperFill } from "@/lib/domain/paper/fill";
import { isUniqueViolation, writeTransaction, type PrismaClient, type Writer } from "@/server/db";
import { getArtifacts, offloadPayload, type Artifacts } from "@/server/artifacts";
import type { ModelOutcome, ModelProvider } from "@/server/models/types";
import { decisionInputs, type StoredRun } from "@/server/repositories/decision-inputs";
import * as decisions from "@/server/repositories/decisions";
import * as paper from "@/server/repositories/paper";
import { tickFor, type TickMemo } from "../market/tick-memo";
import { closePosition, openFromDecision } from "../paper/execute";
import { marketAt, type MarketAtT } from "../paper/market-at";
import { cloneVersionUse, deepFreeze } from "./clone-versions";
import type { DeferredRuns } from "./deferred-runs";
import { resolveContext } from "./resolve-context";

const DAY = 86_400_000;

export interface DecideRequest {
  accountId: string;
  asset: string;
  decisionTime: number;
  provider: ModelProvider;
  killSwitch?: KillSwitchLevel;
  timeoutMs?: number;
  /** the runtime controls' global caps; the tighter of these and the clone's own risk block applies */
  limits?: GlobalLimits;
  /** market reads at this T shared with the other decisions of the tick (a runner's choice, see TickMemo) */
  tick?: TickMemo;
  /**
   * Where a run without an order goes: kept here for the caller to flush with others
   * (a runner's tick, see DeferredRuns), or, without it, inserted at once.
   */
  deferred?: DeferredRuns;
  /** where payloads above the threshold go (default: the environment's store) */
  artifacts?: Artifacts;
}

export type DecisionStatus = "ACTION" | "HOLD" | "REJECTED" | "NO_TRADE";

export interface DecisionResult {
  runId: string;
  status: DecisionStatus;
  reason: string | null;
  action: Action | null;
  replayed: boolean;
}

export async function decide(db: PrismaClient, req: DecideRequest): Promise<DecisionResult> {
  const T = req.decisionTime;
  const tick = tickFor(db, T, req.tick);
  const inputs = await decisionInputs(db, req.accountId, req.asset, T);
  if (!inputs) throw new DomainError("NOT_FOUND", `No paper account ${req.accountId}`, "accountId");
  const { account, positions: stored, previous } = inputs;
  if (previous) return replay(previous);
  const version = inputs.version === null ? null : await cloneVersionUse(db, account.cloneId, inputs.version);
  if (!version) throw new DomainError("NOT_FOUND", `The account's clone ${account.cloneId} has no graph`, "accountId");
  const { graph, clone: cloneBlock, prompt: promptBlock, system } = version;

  // one packet per graph and T: every clone with this graph deciding at T shares it (and its stored form)
  const artifacts = req.artifacts ?? getArtifacts();
  const { packet, storedPacket } = await tick.shared(`packet:${version.graphText}`, async () => {
    const packet = deepFreeze(await resolveContext(db, graph, T, tick));
    return { packet, storedPacket: await offloadPayload(artifacts.store, JSON.stringify(packet), artifacts.thresholdBytes) };
  });
  const offload = (text: string) => offloadPayload(artifacts.store, text, artifacts.thresholdBytes);
  const markets = new Map<string, MarketAtT | null>();
  for (const symbol of new Set([req.asset, ...stored.map((s) => s.position.asset)])) markets.set(symbol, await marketAt(db, symbol, T, tick));
  const marks = Object.fromEntries([...markets].flatMap(([s, m]) => (m ? [[s, m.referencePrice]] : [])));
  const eq = equityBreakdown(account, stored.map((s) => s.position), marks).equityMicro;
  // a new UTC day starts a new daily-loss window
  const dayStartMs = Math.floor(T / DAY) * DAY;
  const dayStartEquityMicro = dayStartMs > account.dayStartMs ? eq : account.dayStartEquityMicro;
  const peakEquityMicro = Math.max(account.peakEquityMicro, eq);
  if (dayStartMs > account.dayStartMs || peakEquityMicro !== account.peakEquityMicro) {
    Object.assign(account, { peakEquityMicro, dayStartEquityMicro, dayStartMs: Math.max(dayStartMs, account.dayStartMs) });
    await paper.advanceAccountMarks(db, account.id, account);
  }
  const snapshot: AccountSnapshot = {
    equityUsd: microToUsd(eq),
    startUsd: microToUsd(account.startMicro),
    freeMarginUsd: microToUsd(freeMargin(account, stored.map((s) => s.position), marks)),
    dayPnlPct: dayStartEquityMicro ? ((eq - dayStartEquityMicro) / dayStartEquityMicro) * 100 : 0,
    openPositions: stored.map(({ position: p }) => ({ asset: p.asset, side: p.side, sizeBase: p.sizeBase, entryPrice: p.entryPrice, unrealizedUsd: microToUsd(unrealizedPnlMicro(p, marks[p.asset] ?? p.lastPrice)) })),
  };
  const context = contextPrompt(packet, req.asset, snapshot);
  const held = stored.find((s) => s.position.asset === req.asset);

  // another decider stored the slot since the first read: its run is the slot's outcome
  const lostRace = async (e: unknown): Promise<DecisionResult> => {
    const winner = isUniqueViolation(e) ? await decisions.findDecisionRun(db, account.id, req.asset, T) : null;
    if (!winner) throw e;
    return replay(winner);
  };
  const record = async (status: DecisionStatus, reason: string | null, outcome: ModelOutcome | null, action: Action | null, validation: unknown) => {
    const data = await runData(status, reason, outcome, action, validation);
    if (req.deferred) return { runId: req.deferred.add(data), status, reason, action, replayed: false };
    try {
      const run = await decisions.insertDecisionRun(db, data);
      return { runId: run.id, status, reason, action, replayed: false };
    } catch (e) {
      return lostRace(e);
    }
  };
  const runData = async (status: DecisionStatus, reason: string | null, outcome: ModelOutcome | null, action: Action | null, validation: unknown): Promise<decisions.DecisionRunData> => ({
    cloneId: account.cloneId, cloneVersion: version.version, accountId: account.id, mode: account.mode, asset: req.asset, decisionTimeMs: T,
    provider: req.provider.name, model: cloneBlock.provider === "rules" ? promptBlock.strategy : (cloneBlock.model ?? cloneBlock.provider),
    status, reason, contextPacket: storedPacket, prompt: await offload(`${system}\n\n${context}`),
    response: await offload(JSON.stringify(outcome?.rawResponse ?? null)), parsedAction: action ? JSON.stringify(action) : null,
    validation: JSON.stringify(validation), latencyMs: outcome?.latencyMs ?? 0,
    inputTokens: outcome?.usage?.inputTokens ?? 0, outputTokens: outcome?.usage?.outputTokens ?? 0,
    cacheReadTokens: outcome?.usage?.cacheReadInputTokens ?? 0, cacheWriteTokens: outcome?.usage?.cacheCreationInputTokens ?? 0,
    costMicroUsd: outcome?.costMicroUsd ?? 0,
  });

  const stale = staleReasons(packet, req.asset);
  if (stale.length) return record("NO_TRADE", `No trade on stale data: ${stale.join("; ")}`, null, null, { stage: "context", stale });

  const outcome = await req.provider.decide({
    model: cloneBlock.model ?? "", temperature: cloneBlock.temperature, system, context, assets: [req.asset], asset: req.asset,
    packet, tradingPrompt: promptBlock, position: held ? { side: held.position.side, sizeBase: held.position.sizeBase, entryPrice: held.position.entryPrice } : null,
    timeoutMs: req.timeoutMs ?? 60_000,
  });
  if (!outcome.ok) {
    const rejected = outcome.kind === "refused" || outcome.kind === "no_tool_call" || outcome.kind === "malformed_response";
    return record(rejected ? "REJECTED" : "NO_TRADE", outcome.reason, outcome, null, { stage: "model", kind: outcome.kind });
  }
  const parsed = parseAction(outcome.rawAction);
  if (!parsed.ok) return record("REJECTED", `Malformed action: ${parsed.reason}`, outcome, null, { stage: "parse", reason: parsed.reason });
  const action = parsed.action;
  if (action.asset !== req.asset) {
    return record("REJECTED", `The decision was for ${req.asset}, the action names ${action.asset}`, outcome, action, { stage: "parse" });
  }
  const market = markets.get(req.asset) ?? null;
  const cents = (micro: number) => Math.floor(micro / 10_000);
  const gate = checkGates(action, {
    limits: {
      maxPositionPct: Math.min(promptBlock.risk.maxPositionPct, req.limits?.maxPositionPct ?? Infinity),
      maxLeverage: Math.min(promptBlock.risk.maxLeverage, req.limits?.maxLeverage ?? Infinity),
      ...(req.limits && { maxNotionalCents: Math.round(req.limits.maxNotionalUsd * 100) }),
      maxDailyLossPct: promptBlock.risk.maxDailyLossPct,
      allowedActions: promptBlock.allowedActions, allowedAssets: packet.assets.filter((a) => a.enabled).map((a) => a.symbol.toUpperCase()),
    },
    account: {
      equityCents: cents(eq), startEquityCents: cents(account.startMicro), dayStartEquityCents: cents(dayStartEquityMicro),
      peakEquityCents: cents(peakEquityMicro), openPositions: stored.map((s) => ({ asset: s.position.asset, side: s.position.side, sizeBase: s.position.sizeBase })),
    },
    market: { [req.asset]: market ? { stale: false, price: market.referencePrice } : { stale: true, staleReason: "no price before the decision time" } },
    killSwitch: req.killSwitch ?? "none",
  });
  if (!gate.ok) return record("REJECTED", `Safety gate ${gate.gate}: ${gate.reason}`, outcome, action, { stage: "gates", gate: gate.gate, reason: gate.reason });
  if (action.action === "hold") return record("HOLD", action.reasoning, outcome, action, { stage: "gates", ok: true });

  // An order follows: the decision run and its fill are written together or not at all,
  // in one transaction of plain statements (server/db/writer.ts), nothing read inside it.
  const actionRun = await runData("ACTION", null, outcome, action, { stage: "gates", ok: true });
  return writeTransaction(db, async (tx): Promise<DecisionResult> => {
    const run = await decisions.insertDecisionRun(tx, actionRun);
    const clientKey = `${run.id}:order`;
    const executed =
      action.action === "close"
        ? await closePosition(tx, { account, stored: held!, reason: "CLOSE_SIGNAL", market: market!, time: T, decisionRunId: run.id, clientKey, purpose: "CLOSE_SIGNAL" })
        : await openFromDecision(tx, {
            account, asset: req.asset, side: action.action === "open_long" ? "long" : "short",
            marginMicro: Math.floor((eq * action.sizePct) / 100), leverage: action.leverage,
            stopLoss: action.stopLoss, takeProfit: action.takeProfit, trailingStopPct: action.trailingStopPct,
            market: market!, time: T, decisionRunId: run.id, clientKey,
          });
    if (!executed.ok) {
      await decisions.setDecisionOutcome(tx, run.id, { status: "REJECTED", reason: `Execution refused: ${executed.reason}`, validation: JSON.stringify({ stage: "execution", reason: executed.reason }) });
      return { runId: run.id, status: "REJECTED" as const, reason: `Execution refused: ${executed.reason}`, action, replayed: false };
    }
    if (account.mode === "DRY_RUN") await logDryRunOrder(tx, run.id, executed.fill, market!, T, action.action === "close");
    return { runId: run.id, status: "ACTION" as const, reason: null, action, replayed: false };
  }).catch(lostRace);
}

function replay(run: StoredRun): DecisionResult {
  return { runId: run.id, status: run.status as DecisionStatus, reason: run.reason, action: run.parsedAction ? (JSON.parse(run.parsedAction) as Action) : null, replayed: true };
}

/**
 * DRY_RUN: the exact order payload a live Hyperliquid order would have sent, stored
 * and logged. It is never sent: there is no code path that sends orders anywhere.
 */
async function logDryRunOrder(tx: Writer, runId: string, fill: PaperFill, market: MarketAtT, T: number, reduceOnly: boolean) {
  const payload =
    market.assetIndex === undefined
      ? { notBuilt: "the asset's exchange index is unknown to market memory" }
      : hyperliquidOrderPayload(
          { side: fill.side, sizeBase: fill.sizeBase, limitPrice: marketableLimitPrice(fill.side, market.referencePrice, 100), reduceOnly },
          { assetIndex: market.assetIndex, szDecimals: market.szDecimals, nonce: T },
        );
  await decisions.insertDryRunOrder(tx, runId, payload);
  console.info(`[dry-run] decision ${runId} would send (not sent):`, JSON.stringify(payload));
}

function staleReasons(packet: ContextPacket, asset: string): string[] {
  return packet.problems.filter((p) => p.asset === asset).map((p) => `${p.blockId}: ${p.reason}`);
}
