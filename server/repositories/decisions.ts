import { newId, write, type Db, type Writer } from "@/server/db";
import type { TradingMode } from "@/server/db/generated/client";

export interface DecisionRunData {
  cloneId: string;
  cloneVersion: number;
  accountId: string;
  mode: TradingMode;
  asset: string;
  decisionTimeMs: number;
  provider: string;
  model: string;
  status: string;
  reason: string | null;
  contextPacket: string;
  prompt: string;
  response: string;
  parsedAction: string | null;
  validation: string;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costMicroUsd: number;
}

const RUN_COLUMNS = [
  "cloneId", "cloneVersion", "accountId", "mode", "asset", "decisionTimeMs", "provider", "model", "status", "reason", "contextPacket",
  "prompt", "response", "parsedAction", "validation", "latencyMs", "inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens", "costMicroUsd",
] as const satisfies readonly (keyof DecisionRunData)[];
const INSERT_RUN = `INSERT INTO "DecisionRun" ("id", "createdAt", ${RUN_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${["?", "?", ...RUN_COLUMNS.map(() => "?")].join(", ")})`;

/**
 * Every decision writes one run (~20 KB: the packet and the prompt): a plain INSERT
 * on the driver adapter (server/db/writer.ts), which the decision benchmark measured
 * at ~0.7 ms through $executeRawUnsafe against ~1.1 ms for Prisma's create, and
 * ~0.4 ms less again past the engine. A second run for a slot fails on its unique key
 * (a driver error, or P2010 through Prisma; isUniqueViolation recognises both).
 */
export async function insertDecisionRun(db: Writer, d: DecisionRunData): Promise<{ id: string }> {
  const id = newId();
  const values = RUN_COLUMNS.map((c) => (c === "decisionTimeMs" || c === "costMicroUsd" ? BigInt(d[c]) : d[c]));
  await write(db, INSERT_RUN, [id, new Date(), ...values]);
  return { id };
}

const RUN_ROW = `(${["?", "?", ...RUN_COLUMNS.map(() => "?")].join(", ")})`;

/**
 * Many runs in one statement (a tick's decisions that placed no order), each with the
 * id its decision already returned. A run whose slot is stored already (another
 * decider won it) is skipped, not an error: the ids not inserted are returned, for
 * the caller to look up the slot's stored run. 23 values a row: a statement takes
 * ~1,400 rows under SQLite's 32,766-variable limit, so rows go 500 at a time.
 */
export async function insertDecisionRuns(db: Db, runs: readonly { id: string; data: DecisionRunData }[]): Promise<{ skipped: string[] }> {
  const skipped: string[] = [];
  const createdAt = new Date();
  for (let i = 0; i < runs.length; i += 500) {
    const chunk = runs.slice(i, i + 500);
    const sql = `INSERT INTO "DecisionRun" ("id", "createdAt", ${RUN_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk.map(() => RUN_ROW).join(", ")}
      ON CONFLICT ("accountId", "asset", "decisionTimeMs") DO NOTHING`;
    const args = chunk.flatMap(({ id, data: d }) => [id, createdAt, ...RUN_COLUMNS.map((c) => (c === "decisionTimeMs" || c === "costMicroUsd" ? BigInt(d[c]) : d[c]))]);
    const inserted = await write(db, sql, args);
    if (inserted === chunk.length) continue;
    const stored = new Set((await db.decisionRun.findMany({ where: { id: { in: chunk.map((r) => r.id) } }, select: { id: true } })).map((r) => r.id));
    skipped.push(...chunk.filter((r) => !stored.has(r.id)).map((r) => r.id));
  }
  return { skipped };
}

export function findDecisionRun(db: Db, accountId: string, asset: string, decisionTimeMs: number) {
  return db.decisionRun.findUnique({
    where: { accountId_asset_decisionTimeMs: { accountId, asset, decisionTimeMs: BigInt(decisionTimeMs) } },
    select: { id: true, status: true, reason: true, parsedAction: true },
  });
}

export async function setDecisionOutcome(db: Writer, id: string, p: { status: string; reason: string | null; validation: string }) {
  await write(db, `UPDATE "DecisionRun" SET "status" = ?, "reason" = ?, "validation" = ? WHERE "id" = ?`, [p.status, p.reason, p.validation, id]);
  return { id };
}

export async function insertDryRunOrder(db: Writer, decisionRunId: string, payload: unknown) {
  const id = newId();
  await write(db, `INSERT INTO "DryRunOrder" ("id", "decisionRunId", "payload", "createdAt") VALUES (?, ?, ?, ?)`, [id, decisionRunId, JSON.stringify(payload), new Date()]);
  return { id };
}

export function findCloneVersionGraph(db: Db, cloneId: string) {
  return db.clone.findUnique({
    where: { id: cloneId },
    select: { id: true, currentVersion: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, graph: true } } },
  });
}

export async function listDecisionRuns(db: Db, accountId: string, opts: { skip: number; take: number }) {
  const [total, rows] = await Promise.all([
    db.decisionRun.count({ where: { accountId } }),
    db.decisionRun.findMany({
      where: { accountId },
      orderBy: [{ decisionTimeMs: "desc" }, { asset: "asc" }],
      skip: opts.skip,
      take: opts.take,
      select: { id: true, asset: true, decisionTimeMs: true, status: true, reason: true, parsedAction: true, provider: true, model: true, latencyMs: true, costMicroUsd: true, cloneVersion: true },
    }),
  ]);
  return { total, rows: rows.map((r) => ({ ...r, decisionTimeMs: Number(r.decisionTimeMs), costMicroUsd: Number(r.costMicroUsd) })) };
}
