/**
 * PERSONAL mode: a creator runs a clone privately on their own paper account
 * (10,000 USD), decided by the same pipeline as auditions and races.
 */
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import type { TemplateId } from "@/lib/domain/graph/templates";
import type { PrismaClient } from "@/server/db";
import { ensureAccount } from "@/server/repositories/paper";
import { createCloneFromTemplate, getClone } from "./clones";
import { PERSONAL_START_USD } from "./demo-clones";

export async function startPersonalRun(db: PrismaClient, input: { ownerId: string; cloneId: string; now: number }) {
  const clone = await getClone(db, { viewerId: input.ownerId, cloneId: input.cloneId });
  const account = await ensureAccount(db, {
    cloneId: clone.id, mode: "PERSONAL", scopeKey: input.ownerId, startMicro: usdToMicro(PERSONAL_START_USD),
    dayStartMs: Math.floor(input.now / 86_400_000) * 86_400_000,
  });
  return { cloneId: clone.id, accountId: account.id };
}

/** The Studio's Basic start: a clone from a template, running privately at once. */
export async function createAndRunFromTemplate(db: PrismaClient, input: { ownerId: string; templateId: TemplateId; name?: string; symbol?: string; now: number }) {
  const { id } = await createCloneFromTemplate(db, input);
  return startPersonalRun(db, { ownerId: input.ownerId, cloneId: id, now: input.now });
}
