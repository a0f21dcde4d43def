import type { Db } from "@/server/db";
import type { PredictionMarketInfo } from "@/lib/domain/market/types";

export function upsertPredictionMarket(db: Db, assetId: string, source: string, m: PredictionMarketInfo) {
  const data = {
    gammaId: m.id,
    conditionId: m.conditionId,
    slug: m.slug,
    question: m.question,
    outcomes: JSON.stringify(m.outcomes),
    tokenIds: JSON.stringify(m.tokenIds),
    endTimeMs: m.endDate === null ? null : BigInt(m.endDate),
    active: m.active,
    closed: m.closed,
    volume: m.volume,
    liquidity: m.liquidity,
    source,
  };
  return db.predictionMarket.upsert({ where: { assetId }, create: { assetId, ...data }, update: data, select: { assetId: true } });
}

