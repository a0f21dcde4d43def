/** Reads of one stored decision run, whole, with the order it placed: what the decide CLI prints. */
import type { Db } from "@/server/db";

export function findDecisionRunById(db: Db, id: string) {
  return db.decisionRun.findUnique({
    where: { id },
    select: {
      id: true, cloneId: true, cloneVersion: true, accountId: true, mode: true, asset: true, decisionTimeMs: true,
      provider: true, model: true, status: true, reason: true, contextPacket: true, prompt: true, response: true,
      parsedAction: true, validation: true, latencyMs: true, inputTokens: true, outputTokens: true,
      cacheReadTokens: true, cacheWriteTokens: true, costMicroUsd: true,
    },
  });
}

export function ordersOfDecisionRun(db: Db, decisionRunId: string) {
  return db.paperOrder.findMany({
    where: { decisionRunId },
    orderBy: { createdAtMs: "asc" },
    select: {
      purpose: true, side: true, sizeBase: true, status: true, reason: true,
      fills: { select: { price: true, sizeBase: true, notionalMicro: true, feeMicro: true, slippageBps: true, timeMs: true } },
    },
  });
}

export function dryRunOrdersOfDecisionRun(db: Db, decisionRunId: string) {
  return db.dryRunOrder.findMany({ where: { decisionRunId }, orderBy: { createdAt: "asc" }, select: { payload: true } });
}
