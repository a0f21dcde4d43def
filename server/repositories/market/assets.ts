import type { Db } from "@/server/db";
import type { AssetKind, Venue } from "@/server/db/generated/client";

export interface AssetInput {
  venue: Venue;
  symbol: string;
  kind: AssetKind;
  name: string;
  meta?: Record<string, unknown>;
}

/** The asset's id, created on first sight. Meta is refreshed when given. */
export async function ensureAsset(db: Db, a: AssetInput): Promise<string> {
  const existing = await db.marketAsset.findUnique({
    where: { venue_symbol: { venue: a.venue, symbol: a.symbol } },
    select: { id: true, meta: true },
  });
  const meta = a.meta ? JSON.stringify(a.meta) : undefined;
  if (existing) {
    if (meta !== undefined && meta !== existing.meta) await db.marketAsset.update({ where: { id: existing.id }, data: { meta } });
    return existing.id;
  }
  const created = await db.marketAsset.create({
    data: { venue: a.venue, symbol: a.symbol, kind: a.kind, name: a.name, meta: meta ?? "{}" },
    select: { id: true },
  });
  return created.id;
}

export function findAsset(db: Db, venue: Venue, symbol: string) {
  return db.marketAsset.findUnique({
    where: { venue_symbol: { venue, symbol } },
    select: { id: true, venue: true, symbol: true, kind: true, name: true, meta: true },
  });
}

