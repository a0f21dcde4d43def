/**
 * Pausing a source family (hyperliquid, polymarket, defillama, replay) from the
 * runtime controls: syncs read it before every run. A change is kept with who
 * made it and why.
 */
import { MARKET_SOURCES, type MarketSource } from "@/lib/domain/market/types";
import { DomainError } from "@/lib/domain/errors";
import type { Db } from "@/server/db";
import { getControl, listControls, setControl } from "@/server/repositories/runtime-controls";

const key = (source: MarketSource) => `market.paused.${source}`;

export async function isSourcePaused(db: Db, source: MarketSource): Promise<boolean> {
  return (await getControl(db, key(source)))?.value === "true";
}

export async function setSourcePaused(db: Db, p: { source: string; paused: boolean; reason: string; actorId: string | null }) {
  if (!(MARKET_SOURCES as readonly string[]).includes(p.source)) {
    throw new DomainError("VALIDATION_FAILED", `Unknown source family "${p.source}"`, "source");
  }
  if (p.reason.trim().length < 3) throw new DomainError("VALIDATION_FAILED", "Give a reason (at least 3 characters)", "reason");
  return setControl(db, { key: key(p.source as MarketSource), value: String(p.paused), reason: p.reason.trim(), updatedById: p.actorId });
}

export async function sourcePauses(db: Db) {
  const rows = await listControls(db, "market.paused.");
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return MARKET_SOURCES.map((source) => {
    const row = byKey.get(key(source));
    return { source, paused: row?.value === "true", reason: row?.reason ?? null, updatedAt: row?.updatedAt ?? null };
  });
}
