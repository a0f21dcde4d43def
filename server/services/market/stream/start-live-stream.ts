/**
 * With MARKET_SOURCE=live the web process also keeps the Hyperliquid WebSocket
 * open (candles and mids as they happen); the scheduled REST sync runs beside it
 * and covers anything the stream misses.
 */
import { systemClock } from "@/lib/domain/clock";
import { getEnv } from "@/lib/env";
import { getDb } from "@/server/db";
import { HyperliquidInfoClient } from "@/server/market/hyperliquid/info-client";
import { startHyperliquidStream, type StreamIngestion } from "./hyperliquid-stream";

const globalForStream = globalThis as unknown as { __clashStream?: StreamIngestion };

export function startLiveStream(): StreamIngestion | null {
  const env = getEnv();
  if (env.MARKET_SOURCE !== "live") return null;
  globalForStream.__clashStream ??= startHyperliquidStream(getDb(), systemClock, {
    url: env.HYPERLIQUID_WS_URL,
    symbols: env.MARKET_ASSETS,
    rest: new HyperliquidInfoClient({ baseUrl: env.HYPERLIQUID_API_URL, timeoutMs: env.MARKET_HTTP_TIMEOUT_MS }),
  });
  console.info(`[market] Hyperliquid stream started for ${env.MARKET_ASSETS.join(", ")}`);
  return globalForStream.__clashStream;
}
