/**
 * The Trading Prompt Block: the instructions, the strategy and its parameters,
 * and the risk and execution limits every decision of the clone must respect.
 * The strategy discriminates the params, so the rules provider gets typed inputs.
 */
import { z } from "zod";
import { blockIdSchema, duplicateIndexes } from "./common";
import { ACTIONS, CADENCES, type RuleStrategy, type Strategy } from "./vocabulary";

export const riskSchema = z.strictObject({
  /** of account equity, as margin committed to one position */
  maxPositionPct: z.number().min(1).max(100),
  /** Hyperliquid sets leverage in whole steps; auditions cap it lower (see limits.ts). */
  maxLeverage: z.number().int().min(1).max(50),
  /** of the entry price */
  stopLossPct: z.number().min(0.1).max(50).optional(),
  takeProfitPct: z.number().min(0.1).max(500).optional(),
  trailingStopPct: z.number().min(0.1).max(50).optional(),
  /** of the day's starting equity */
  maxDailyLossPct: z.number().min(0.1).max(50),
});
export type Risk = z.infer<typeof riskSchema>;

export const momentumParamsSchema = z.strictObject({
  fastEma: z.number().int().min(2).max(200),
  slowEma: z.number().int().min(3).max(500),
});
export const meanReversionParamsSchema = z.strictObject({
  period: z.number().int().min(5).max(500),
  /** distance from the mean, in standard deviations, that opens a position */
  entryZ: z.number().min(0.5).max(5),
  /** distance at which it is closed again */
  exitZ: z.number().min(0).max(5),
});
export const volumeSpikeParamsSchema = z.strictObject({
  lookback: z.number().int().min(5).max(500),
  /** how many times the average bar volume counts as a spike */
  multiple: z.number().min(1.1).max(50),
});
export const fundingCarryParamsSchema = z.strictObject({
  /** hourly funding rate as a fraction (0.0001 = 0.01% an hour) beyond which carry is worth holding */
  threshold: z.number().gt(0).max(0.01),
});
export const discretionaryParamsSchema = z.strictObject({});

const promptBase = {
  id: blockIdSchema,
  type: z.literal("trading-prompt"),
  prompt: z.string().trim().min(1).max(8000),
  cadence: z.enum(CADENCES),
  risk: riskSchema,
  allowedActions: z.array(z.enum(ACTIONS)).min(1).max(ACTIONS.length),
  assets: z.array(blockIdSchema).min(1).max(20),
};

const promptVariants = z.discriminatedUnion("strategy", [
  z.strictObject({ ...promptBase, strategy: z.literal("momentum"), params: momentumParamsSchema }),
  z.strictObject({ ...promptBase, strategy: z.literal("mean-reversion"), params: meanReversionParamsSchema }),
  z.strictObject({ ...promptBase, strategy: z.literal("volume-spike"), params: volumeSpikeParamsSchema }),
  z.strictObject({ ...promptBase, strategy: z.literal("funding-carry"), params: fundingCarryParamsSchema }),
  z.strictObject({ ...promptBase, strategy: z.literal("discretionary"), params: discretionaryParamsSchema }),
]);

type PromptFields = z.infer<typeof promptVariants>;
type Issue = { path: (string | number)[]; message: string };

function paramIssues(p: PromptFields): Issue[] {
  if (p.strategy === "momentum" && p.params.fastEma >= p.params.slowEma) {
    return [{
      path: ["params", "fastEma"],
      message: `Fast EMA period (${p.params.fastEma}) must be shorter than the slow EMA period (${p.params.slowEma})`,
    }];
  }
  if (p.strategy === "mean-reversion" && p.params.exitZ >= p.params.entryZ) {
    return [{
      path: ["params", "exitZ"],
      message: `Exit z-score (${p.params.exitZ}) must be below the entry z-score (${p.params.entryZ}), or positions close as they open`,
    }];
  }
  return [];
}

function riskIssues(risk: Risk): Issue[] {
  // a leverage that already failed its bound would make every stop look wrong
  if (!riskSchema.shape.maxLeverage.safeParse(risk.maxLeverage).success) return [];
  // Past 100 / leverage percent the margin is gone: such a stop could never fire before liquidation.
  const wipeout = 100 / risk.maxLeverage;
  const issues: Issue[] = [];
  for (const key of ["stopLossPct", "trailingStopPct"] as const) {
    const pct = risk[key];
    if (pct !== undefined && pct >= wipeout) {
      const name = key === "stopLossPct" ? "Stop-loss" : "Trailing stop";
      issues.push({
        path: ["risk", key],
        message: `${name} of ${pct}% is beyond liquidation at ${risk.maxLeverage}x leverage (a ${+wipeout.toFixed(2)}% move wipes out the margin)`,
      });
    }
  }
  return issues;
}

function actionIssues(actions: PromptFields["allowedActions"]): Issue[] {
  const issues: Issue[] = duplicateIndexes(actions).map((i) => ({
    path: ["allowedActions", i],
    message: `'${actions[i]}' is listed twice`,
  }));
  if (!actions.includes("hold")) {
    issues.push({ path: ["allowedActions"], message: "Allowed actions must include hold: a clone must always be able to do nothing" });
  }
  return issues;
}

export const tradingPromptBlockSchema = promptVariants.superRefine((p, ctx) => {
  const assetDups = duplicateIndexes(p.assets).map((i) => ({ path: ["assets", i], message: `Asset '${p.assets[i]}' is listed twice` }));
  for (const issue of [...paramIssues(p), ...riskIssues(p.risk), ...actionIssues(p.allowedActions), ...assetDups]) {
    ctx.addIssue({ code: "custom", ...issue });
  }
});

export type TradingPromptBlock = z.infer<typeof tradingPromptBlockSchema>;
export type StrategyParams<S extends Strategy> = Extract<TradingPromptBlock, { strategy: S }>["params"];

export const isRuleStrategy = (s: Strategy): s is RuleStrategy => s !== "discretionary";

/**
 * Bars (candles, or hourly funding points for funding carry) the rules provider
 * needs before the strategy can say anything; the graph refuses a primary stream
 * that retrieves fewer.
 */
export function strategyWarmupBars(p: TradingPromptBlock): number {
  switch (p.strategy) {
    case "momentum":
      return p.params.slowEma;
    case "mean-reversion":
      return p.params.period;
    case "volume-spike":
      // the average it compares against, plus the bar being judged
      return p.params.lookback + 1;
    case "funding-carry":
      return 1;
    case "discretionary":
      return 0;
  }
}
