import type { MarketSource } from "@/lib/domain/market/types";
import type { Env } from "@/lib/env";

/** The source families that run: the replay by default, the live venues with MARKET_SOURCE=live. */
export function activeSources(env: Pick<Env, "MARKET_SOURCE">): MarketSource[] {
  return env.MARKET_SOURCE === "replay" ? ["replay"] : ["hyperliquid", "polymarket", "defillama"];
}
