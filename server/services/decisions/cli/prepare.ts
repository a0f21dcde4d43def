/**
 * Which clone decides, and on which account. A CLI run only ever trades a DRY_RUN
 * account of its own (scope "cli", or "cli:<time>" for a throwaway clone), so it
 * can never move a race, an audition or a creator's PERSONAL account.
 */
import { GraphValidationError } from "@/lib/domain/graph/validate";
import { assetsOf, tradingClone } from "@/lib/domain/graph/queries";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { templateGraph, type TemplateId } from "@/lib/domain/graph/templates";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { isUniqueViolation, type PrismaClient } from "@/server/db";
import type { ProviderName } from "@/server/models";
import { findCloneVersionGraph } from "@/server/repositories/decisions";
import { ensureAccount } from "@/server/repositories/paper";
import { findUserByEmail, insertUser } from "@/server/repositories/users";
import { createClone } from "../../clones/clones";
import type { DecideArgs } from "./args";
import { ArgumentError } from "./context";

/** The system user owning throwaway clones. Its password hash matches no password: nobody signs in as it. */
export const CLI_USER_EMAIL = "cli@clash.local";
export const CLI_SCOPE = "cli";
export const CLI_START_USD = 10_000;
const DAY = 86_400_000;

export interface Target {
  clone: { id: string; name: string; version: number };
  /** set when the clone was made for this run only */
  throwaway: { templateId: TemplateId; owner: string } | null;
  account: { id: string; mode: "DRY_RUN"; scopeKey: string };
  /** the asset as the graph spells it */
  asset: string;
  provider: ProviderName;
}

export async function prepareTarget(db: PrismaClient, args: DecideArgs, T: number): Promise<Target> {
  if (args.target.kind === "template") return throwawayClone(db, args.target.templateId, args.asset, T);
  const cloneId = args.target.cloneId;
  const row = await findCloneVersionGraph(db, cloneId);
  const version = row?.versions[0];
  if (!row || !version) throw new ArgumentError(`--clone "${cloneId}": no clone has this id`);
  const graph = JSON.parse(version.graph) as CloneGraph;
  const symbols = assetsOf(graph).map((a) => a.symbol);
  const asset = symbols.find((s) => s === args.asset) ?? symbols.find((s) => s.toUpperCase() === args.asset.toUpperCase());
  if (!asset) throw new ArgumentError(`--asset "${args.asset}" is not traded by clone ${cloneId} (its assets: ${symbols.join(", ") || "none"})`);
  const account = await ensureAccount(db, dryRunAccount(row.id, CLI_SCOPE, T));
  const clone = tradingClone(graph);
  return { clone: { id: row.id, name: clone.name, version: version.version }, throwaway: null, account: { id: account.id, mode: "DRY_RUN", scopeKey: CLI_SCOPE }, asset, provider: clone.provider };
}

async function throwawayClone(db: PrismaClient, templateId: TemplateId, symbol: string, T: number): Promise<Target> {
  let graph: CloneGraph;
  try {
    graph = templateGraph(templateId, { symbol });
  } catch (e) {
    if (e instanceof GraphValidationError) throw new ArgumentError(`--asset "${symbol}": ${e.message}`);
    throw e;
  }
  const owner = await ensureCliUser(db);
  const { id, version } = await createClone(db, { ownerId: owner.id, graph });
  // the time in the scope keeps each throwaway's account apart from every other
  const scopeKey = `${CLI_SCOPE}:${T}`;
  const account = await ensureAccount(db, dryRunAccount(id, scopeKey, T));
  const clone = tradingClone(graph);
  return {
    clone: { id, name: clone.name, version },
    throwaway: { templateId, owner: CLI_USER_EMAIL },
    account: { id: account.id, mode: "DRY_RUN", scopeKey },
    asset: symbol,
    provider: clone.provider,
  };
}

const dryRunAccount = (cloneId: string, scopeKey: string, T: number) => ({
  cloneId, mode: "DRY_RUN" as const, scopeKey, startMicro: usdToMicro(CLI_START_USD), dayStartMs: Math.floor(T / DAY) * DAY,
});

async function ensureCliUser(db: PrismaClient) {
  const existing = await findUserByEmail(db, CLI_USER_EMAIL);
  if (existing) return existing;
  try {
    return await insertUser(db, { email: CLI_USER_EMAIL, name: "Decide CLI (throwaway clones)", passwordHash: "!", role: "USER" });
  } catch (e) {
    // another CLI run created it a moment ago
    if (!isUniqueViolation(e)) throw e;
    const created = await findUserByEmail(db, CLI_USER_EMAIL);
    if (!created) throw e;
    return created;
  }
}
