/**
 * Live Hyperliquid data over the WebSocket, into the same channels as the REST
 * sync. A 1-minute candle is stored once it has closed (when the next minute's
 * first push arrives); mids are kept at most once per `midEveryMs` per symbol.
 * A dropped connection is recorded on the symbols' channels, and once the stream
 * is back the minutes it missed are fetched over REST, so no gap is left behind.
 */
import { channelId } from "@/lib/domain/market/datasets";
import type { Candle } from "@/lib/domain/market/types";
import type { Clock } from "@/lib/domain/clock";
import type { PrismaClient } from "@/server/db";
import type { HyperliquidInfoClient } from "@/server/market/hyperliquid/info-client";
import { HyperliquidStream, type HyperliquidStreamOptions } from "@/server/market/hyperliquid/ws-client";
import { findChannel } from "@/server/repositories/market/channels";
import { recordFailure } from "../ingest";
import { perpAsset, storeCandles, storeMids } from "../store";

const M = 60_000;

export interface StreamIngestionOptions {
  url: string;
  symbols: readonly string[];
  rest: HyperliquidInfoClient;
  midEveryMs?: number;
  stream?: Omit<HyperliquidStreamOptions, "url">;
  log?: Pick<Console, "warn" | "error">;
}

export interface StreamIngestion {
  stream: HyperliquidStream;
  /** resolves when every event received so far has been stored */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startHyperliquidStream(db: PrismaClient, clock: Clock, o: StreamIngestionOptions): StreamIngestion {
  const ctx = { db, clock, source: "hyperliquid" };
  const symbols = new Set(o.symbols);
  const forming = new Map<string, Candle>();
  const lastMid = new Map<string, number>();
  const log = o.log ?? console;
  let dropped = false;
  // events are stored one after another, in the order they came
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<unknown>) => {
    queue = queue.then(work).then(
      () => undefined,
      (e: unknown) => log.error("[hyperliquid-stream]", e), // ingest() has recorded it on the channel
    );
  };

  const stream = new HyperliquidStream({ url: o.url, ...o.stream, now: o.stream?.now ?? (() => clock.now().getTime()) });
  stream.on("candle", (coin, interval, candle) => {
    if (interval !== "1m" || !symbols.has(coin)) return;
    const previous = forming.get(coin);
    if (previous && candle.openTime < previous.openTime) return; // a late push for a minute already closed
    if (previous && candle.openTime > previous.openTime) enqueue(() => storeCandles(ctx, perpAsset(coin), [previous]));
    forming.set(coin, candle);
  });
  stream.on("mids", (mids) => {
    for (const mid of mids) {
      if (!symbols.has(mid.symbol)) continue;
      if (mid.time - (lastMid.get(mid.symbol) ?? -Infinity) < (o.midEveryMs ?? 5_000)) continue;
      lastMid.set(mid.symbol, mid.time);
      enqueue(() => storeMids(ctx, perpAsset(mid.symbol), [mid]));
    }
  });
  stream.on("status", (status) => {
    if (status.state === "disconnected") {
      if (!dropped) {
        dropped = true;
        forming.clear(); // a minute cut by the drop is fetched whole over REST instead
        for (const symbol of symbols) {
          for (const dataset of ["candles", "mids"] as const) {
            const id = channelId("hyperliquid", dataset, `HYPERLIQUID:${symbol}`);
            enqueue(() => recordFailure(db, clock, id, new Error(`WebSocket disconnected: ${status.reason}`)));
          }
        }
      }
    } else if (status.state === "connected" && dropped) {
      dropped = false;
      for (const symbol of symbols) enqueue(() => catchUp(symbol));
    }
  });
  stream.on("error", (e) => log.warn("[hyperliquid-stream]", e.message));

  async function catchUp(symbol: string) {
    const channel = await findChannel(db, channelId("hyperliquid", "candles", `HYPERLIQUID:${symbol}`));
    if (channel?.lastDataTimeMs == null) return;
    const from = Number(channel.lastDataTimeMs) + M;
    const closedUntil = Math.floor(clock.now().getTime() / M) * M;
    if (from >= closedUntil) return;
    await o.rest.candles(symbol, "1m", from, closedUntil - 1, async (page) => {
      const closed = page.filter((c) => c.openTime < closedUntil);
      if (closed.length) await storeCandles(ctx, perpAsset(symbol), closed);
    });
  }

  for (const symbol of symbols) stream.subscribe({ type: "candle", coin: symbol, interval: "1m" });
  stream.subscribe({ type: "allMids" });
  void stream.connect().catch((e: unknown) => log.error("[hyperliquid-stream] could not connect", e));

  return {
    stream,
    idle: async () => {
      let current: Promise<void>;
      do {
        current = queue;
        await current;
      } while (current !== queue);
    },
    stop: async () => {
      await stream.close();
      await queue;
    },
  };
}
