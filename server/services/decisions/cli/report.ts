/**
 * The decision run as the CLI shows it, read back from the database rather than
 * from memory: what is printed is what was stored. The context packet is reduced
 * to a digest (per stream: dataset, granularity, freshness, points, indicators);
 * the prompt carries the points themselves.
 */
import type { ContextPacket } from "@/lib/domain/decisions/context-packet";
import { microToUsd } from "@/lib/domain/paper/money-micro";
import { getArtifacts, resolvePayload } from "@/server/artifacts";
import type { PrismaClient } from "@/server/db";
import { dryRunOrdersOfDecisionRun, findDecisionRunById, ordersOfDecisionRun } from "@/server/repositories/decision-run-report";
import type { MonitorResult } from "../../paper/monitor";
import type { DecisionResult } from "../decide";
import type { Target } from "./prepare";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface StreamDigest {
  asset: string;
  blockId: string;
  dataset: string;
  granularity: string;
  included: boolean;
  freshness: { status: string; asOf: string | null; reason?: string };
  points: number;
  indicators: Record<string, unknown>;
}

export interface DecisionReport {
  runId: string;
  /** the slot had been decided before: this is the stored run, nothing new was decided */
  replayed: boolean;
  clone: Target["clone"] & { throwaway: boolean; templateId: string | null; owner: string | null };
  account: Target["account"];
  asset: string;
  decisionTime: string;
  provider: string;
  model: string;
  /** positions brought up to date before deciding */
  monitor: { exits: MonitorResult["exits"]; fundingHours: number };
  status: string;
  reason: string | null;
  context: { lastPrice: number | null; streams: StreamDigest[]; problems: ContextPacket["problems"] };
  prompt: string;
  response: unknown;
  action: unknown;
  validation: unknown;
  latencyMs: number;
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number };
  costUsd: number;
  orders: { purpose: string; side: string; sizeBase: number; status: string; reason: string | null }[];
  fills: { side: string; price: number; sizeBase: number; notionalUsd: number; feeUsd: number; slippageBps: number; time: string }[];
  /** DRY_RUN: the Hyperliquid order payload a live order would have sent (it was not sent) */
  dryRunOrders: unknown[];
}

export async function decisionReport(db: PrismaClient, result: DecisionResult, target: Target, monitor: MonitorResult): Promise<DecisionReport> {
  const stored = await findDecisionRunById(db, result.runId);
  if (!stored) throw new Error(`decision run ${result.runId} was not stored`);
  // large payloads live in the artifact store: shown as stored there
  const store = getArtifacts().store;
  const [contextPacket, prompt, response] = await Promise.all([stored.contextPacket, stored.prompt, stored.response].map((v) => resolvePayload(store, v)));
  const run = { ...stored, contextPacket: contextPacket!, prompt: prompt!, response: response! };
  const packet = JSON.parse(run.contextPacket) as ContextPacket;
  const orders = await ordersOfDecisionRun(db, run.id);
  const dryRun = await dryRunOrdersOfDecisionRun(db, run.id);
  return {
    runId: run.id,
    replayed: result.replayed,
    clone: { ...target.clone, throwaway: target.throwaway !== null, templateId: target.throwaway?.templateId ?? null, owner: target.throwaway?.owner ?? null },
    account: target.account,
    asset: run.asset,
    decisionTime: iso(Number(run.decisionTimeMs))!,
    provider: run.provider,
    model: run.model,
    monitor: { exits: monitor.exits, fundingHours: monitor.fundingHours },
    status: run.status,
    reason: run.reason,
    context: {
      lastPrice: packet.assets.find((a) => a.symbol === run.asset)?.lastPrice ?? null,
      streams: packet.assets.flatMap((a) =>
        a.streams.map((s) => ({
          asset: a.symbol, blockId: s.blockId, dataset: s.dataset, granularity: s.granularity, included: s.include,
          freshness: { status: s.freshness.status, asOf: iso(s.freshness.asOf), ...(s.freshness.reason && { reason: s.freshness.reason }) },
          points: s.points.length, indicators: s.indicators,
        })),
      ),
      problems: packet.problems,
    },
    prompt: run.prompt,
    response: JSON.parse(run.response) as unknown,
    action: run.parsedAction === null ? null : (JSON.parse(run.parsedAction) as unknown),
    validation: JSON.parse(run.validation) as unknown,
    latencyMs: run.latencyMs,
    tokens: { input: run.inputTokens, output: run.outputTokens, cacheRead: run.cacheReadTokens, cacheWrite: run.cacheWriteTokens },
    costUsd: microToUsd(Number(run.costMicroUsd)),
    orders: orders.map((o) => ({ purpose: o.purpose, side: o.side, sizeBase: o.sizeBase, status: o.status, reason: o.reason })),
    fills: orders.flatMap((o) =>
      o.fills.map((f) => ({
        side: o.side, price: f.price, sizeBase: f.sizeBase, notionalUsd: microToUsd(Number(f.notionalMicro)),
        feeUsd: microToUsd(Number(f.feeMicro)), slippageBps: f.slippageBps, time: iso(Number(f.timeMs))!,
      })),
    ),
    dryRunOrders: dryRun.map((d) => JSON.parse(d.payload) as unknown),
  };
}
