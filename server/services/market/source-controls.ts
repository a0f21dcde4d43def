/**
 * Pausing a source family (hyperliquid, polymarket, defillama, replay) from the
 * runtime controls: syncs read it before every run. A change goes through the
 * runtime controls service, so it is audited with who made it and why.
 */
import { sourcePausedKey } from "@/lib/domain/runtime/controls";
import { MARKET_SOURCES, type MarketSource } from "@/lib/domain/market/types";
import type { Db } from "@/server/db";
import { getControl, listControls } from "@/server/repositories/runtime-controls";
import { setSourceFamilyPaused, type Actor } from "../runtime/controls";

export async function isSourcePaused(db: Db, source: MarketSource): Promise<boolean> {
  return (await getControl(db, sourcePausedKey(source)))?.value === "true";
}

export function setSourcePaused(db: Db, p: { source: string; paused: boolean; reason: string; actor: Actor }) {
  return setSourceFamilyPaused(db, p);
}

export async function sourcePauses(db: Db) {
  const rows = await listControls(db, "market.paused.");
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return MARKET_SOURCES.map((source) => {
    const row = byKey.get(sourcePausedKey(source));
    return { source, paused: row?.value === "true", reason: row?.reason ?? null, updatedAt: row?.updatedAt ?? null };
  });
}
