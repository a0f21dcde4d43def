import { z } from "zod";
import { MARKET_SOURCES } from "@/lib/domain/market/types";

export const retryChannelInput = z.object({
  channelId: z.string().trim().min(3, { message: "Give a channel id like replay:candles:HYPERLIQUID:BTC" }).max(200),
});

export const setSourcePausedInput = z.object({
  source: z.enum(MARKET_SOURCES, { message: `Source must be one of ${MARKET_SOURCES.join(", ")}` }),
  paused: z.boolean(),
  reason: z.string().trim().min(3, { message: "Give a reason (at least 3 characters)" }).max(300),
});
