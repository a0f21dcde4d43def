/**
 * A rules decision from a decision's request: the asset's streams and latest price
 * out of the context packet, the clone's Trading Prompt Block and the open
 * position. The rules provider answers with this, and a backtest calls it
 * directly, so both compute a template's decision from the same inputs.
 */
import type { ContextPacket } from "@/lib/domain/decisions/context-packet";
import type { TradingPromptBlock } from "@/lib/domain/graph/schema";
import { decideByStrategy } from "./index";
import type { StrategyDecision } from "./types";

export interface RulesRequest {
  asset: string;
  packet: ContextPacket;
  tradingPrompt: TradingPromptBlock;
  position: { side: "long" | "short"; sizeBase: number; entryPrice: number } | null;
  /** false: only the action is read (StrategyInput.explain) */
  explain?: boolean;
}

export function rulesDecision(request: RulesRequest): StrategyDecision {
  const { strategy, params, risk, allowedActions } = request.tradingPrompt;
  const wanted = request.asset.trim().toUpperCase();
  const asset = request.packet.assets.find((a) => a.symbol.toUpperCase() === wanted);
  if (!asset) {
    const problem = `the context packet has no ${request.asset} asset`;
    return {
      action: { action: "hold", asset: request.asset, sizePct: 0, leverage: 1, confidence: 0, reasoning: `Holding: ${problem}.` },
      inputs: { problem },
    };
  }
  return decideByStrategy(strategy, {
    asset: request.asset,
    streams: asset.streams,
    lastPrice: asset.lastPrice,
    params,
    risk,
    position: request.position,
    allowedActions,
    explain: request.explain,
  });
}
