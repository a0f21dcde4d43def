/**
 * The demo creators' clones, one per rules template, each on a private PERSONAL
 * paper account of 10,000 USD, so a fresh install trades on replay data at once.
 * Idempotent: an existing clone of the same name and owner is kept as it is.
 */
import { templateGraph, type TemplateId } from "@/lib/domain/graph/templates";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import type { PrismaClient } from "@/server/db";
import { listClonesOfOwner } from "@/server/repositories/clones";
import { ensureAccount } from "@/server/repositories/paper";
import { findUserByEmail } from "@/server/repositories/users";
import { createClone } from "./clones";

export const DEMO_CLONES: { owner: string; templateId: TemplateId; name: string; symbol: string; tagline: string }[] = [
  { owner: "grace@clash.local", templateId: "momentum", name: "Momentum Mo", symbol: "BTC", tagline: "Rides the trend, never argues with it." },
  { owner: "grace@clash.local", templateId: "volume-spike", name: "Spike Spencer", symbol: "SOL", tagline: "Wakes up when the volume does." },
  { owner: "linus@clash.local", templateId: "mean-reversion", name: "Reversion Rita", symbol: "ETH", tagline: "What goes up too far comes back." },
  { owner: "linus@clash.local", templateId: "funding-carry", name: "Carry Carla", symbol: "BTC", tagline: "Gets paid to wait." },
];

export const PERSONAL_START_USD = 10_000;

export async function ensureDemoClones(db: PrismaClient, now: number): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_CLONES) {
    const owner = await findUserByEmail(db, demo.owner);
    if (!owner) continue;
    let clone = (await listClonesOfOwner(db, owner.id)).find((c) => c.name === demo.name);
    if (!clone) {
      const graph = templateGraph(demo.templateId, { name: demo.name, symbol: demo.symbol });
      const withTagline = { ...graph, blocks: graph.blocks.map((b) => (b.type === "trading-clone" ? { ...b, tagline: demo.tagline } : b)) };
      const { id } = await createClone(db, { ownerId: owner.id, graph: withTagline });
      clone = { id, name: demo.name, currentVersion: 1, createdAt: new Date(now), updatedAt: new Date(now) };
      created.push(demo.name);
    }
    await ensureAccount(db, { cloneId: clone.id, mode: "PERSONAL", scopeKey: owner.id, startMicro: usdToMicro(PERSONAL_START_USD), dayStartMs: Math.floor(now / 86_400_000) * 86_400_000 });
  }
  return created;
}
