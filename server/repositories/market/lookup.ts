/** Look-ups the market CLI needs that the ingestion repositories do not offer. */
import type { Db } from "@/server/db";
import type { PredictionMarketInfo } from "@/lib/domain/market/types";

const parseList = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.map(String) : [];
};

/**
 * The stored prediction market one of whose outcome tokens is `tokenId`, and that
 * outcome's index. Prices and order-book figures are not stored with the market,
 * so the record carries none.
 */
export async function findPredictionMarketByToken(db: Db, tokenId: string): Promise<{ market: PredictionMarketInfo; outcome: number } | null> {
  // tokenIds is a JSON array: the quoted id matches a whole element, never a prefix of a longer id
  const rows = await db.predictionMarket.findMany({
    where: { tokenIds: { contains: JSON.stringify(tokenId) } },
    select: { gammaId: true, conditionId: true, slug: true, question: true, outcomes: true, tokenIds: true, endTimeMs: true, active: true, closed: true, volume: true, liquidity: true },
  });
  for (const r of rows) {
    const tokenIds = parseList(r.tokenIds);
    const outcome = tokenIds.indexOf(tokenId);
    if (outcome < 0) continue;
    return {
      outcome,
      market: {
        id: r.gammaId,
        conditionId: r.conditionId,
        slug: r.slug,
        question: r.question,
        outcomes: parseList(r.outcomes),
        outcomePrices: [],
        tokenIds,
        endDate: r.endTimeMs === null ? null : Number(r.endTimeMs),
        active: r.active,
        closed: r.closed,
        volume: r.volume,
        liquidity: r.liquidity,
        bestBid: null,
        bestAsk: null,
      },
    };
  }
  return null;
}
