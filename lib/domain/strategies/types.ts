/**
 * What a rules strategy reads and what it answers. A strategy sees one asset:
 * its streams from the context packet, the latest price, the clone's params and
 * risk limits, and the open position; it answers a raw Action plus the numbers
 * it used, which the rules provider records as its "model response".
 */
import type { Action, ActionKind } from "@/lib/domain/actions/action";
import type { StreamPacket } from "@/lib/domain/decisions/context-packet";
import type { Risk } from "@/lib/domain/graph/trading-prompt";

export interface PositionView {
  side: "long" | "short";
  entryPrice: number;
}

export interface StrategyInput<P> {
  /** the symbol the action names, e.g. "BTC" */
  asset: string;
  /** every stream of the asset in the packet; the strategy picks its primary one */
  streams: readonly StreamPacket[];
  /** the asset's latest price at T (the packet's lastPrice); entries are planned from it */
  lastPrice: number | null;
  params: P;
  risk: Risk;
  position: PositionView | null;
  /** the clone's allowed actions: a signal for any other action becomes a hold */
  allowedActions?: readonly ActionKind[];
  /**
   * false when only the action is read (a backtest keeps neither reasoning nor inputs): the
   * rule may then leave the reasoning empty and the inputs out (NO_INPUTS). The action is
   * otherwise the same, and so is everything done with it: parsing never rejects an action
   * for its text, and the gates and execution do not read it. Default true.
   */
  explain?: boolean;
}

/** The numbers behind a decision, as recorded with the decision run. */
export type StrategyInputs = Record<string, number | string | boolean | null>;

export interface StrategyDecision {
  action: Action;
  inputs: StrategyInputs;
}
