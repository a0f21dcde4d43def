/** The Asset Block: what a clone trades, where, and whether it is trading right now. */
import { z } from "zod";
import { blockIdSchema, duplicateIndexes, HYPERLIQUID_SYMBOL_PATTERN, slugSchema } from "./common";
import { VENUES } from "./vocabulary";

export const assetBlockSchema = z
  .strictObject({
    id: blockIdSchema,
    type: z.literal("asset"),
    venue: z.enum(VENUES),
    /** Hyperliquid: the perp's coin ("BTC"). Polymarket: the market's slug. */
    symbol: z.string().min(1).max(200),
    /** Paused assets stay in the graph (and on the canvas) but get no decisions. */
    enabled: z.boolean(),
    streams: z.array(blockIdSchema).max(20),
  })
  .superRefine((asset, ctx) => {
    if (asset.venue === "HYPERLIQUID" && !HYPERLIQUID_SYMBOL_PATTERN.test(asset.symbol)) {
      ctx.addIssue({
        code: "custom",
        path: ["symbol"],
        message: `'${asset.symbol}' is not a Hyperliquid symbol; use the coin's ticker in capitals, like BTC or kPEPE`,
      });
    }
    if (asset.venue === "POLYMARKET" && !slugSchema.safeParse(asset.symbol).success) {
      ctx.addIssue({
        code: "custom",
        path: ["symbol"],
        message: `'${asset.symbol}' is not a Polymarket slug; use lowercase words joined by '-', like will-btc-close-above-100k`,
      });
    }
    for (const i of duplicateIndexes(asset.streams)) {
      ctx.addIssue({ code: "custom", path: ["streams", i], message: `Stream '${asset.streams[i]}' is listed twice` });
    }
  });

export type AssetBlock = z.infer<typeof assetBlockSchema>;

/** The asset's page on its exchange, for the Asset Block's link. */
export function exchangeUrl(asset: Pick<AssetBlock, "venue" | "symbol">): string {
  const symbol = encodeURIComponent(asset.symbol);
  switch (asset.venue) {
    case "HYPERLIQUID":
      return `https://app.hyperliquid.xyz/trade/${symbol}`;
    case "POLYMARKET":
      return `https://polymarket.com/event/${symbol}`;
  }
}
