import { TEMPLATE_IDS } from "@/lib/domain/graph/templates";
import { MAX_BACKTEST_DAYS } from "@/lib/domain/backtest/window";

/** The usage text of `npm run backtest`, printed on --help. */
export const USAGE = `Usage: npm run backtest -- (--clone ID | --template ID) --asset A --from ISO --to ISO [--json]

Runs a rules clone over a window of market memory in BACKTEST mode, with the live
pipeline's rules (context packet, strategy, action parsing, safety gates, fills
with slippage and fees, stops, take-profits, funding), and prints its fills,
trades and metrics: return, Sharpe and Sortino (hourly returns, annualised by
√8760), max drawdown, win rate, profit factor, exposure, trade count, and buy and
hold over the same window. The run is stored (BacktestRun) with its inputs.

  --clone ID      an existing clone, at its current version
  --template ID   a template's graph trading --asset
                  (templates: ${TEMPLATE_IDS.join(", ")})
  --asset A       the Hyperliquid asset to trade (e.g. BTC)
  --from ISO      the window's start (2026-03-01 or 2026-03-01T12:00:00Z; UTC
  --to ISO        unless an offset is given), at most ${MAX_BACKTEST_DAYS} days, in the past;
                  decisions at the clone's cadence slots in [from, to)
  --json          print only the result as JSON on stdout (progress stays on stderr)
  -h, --help      this text

The account starts at 10,000 USD. Market memory comes from DATABASE_URL; a
window without minutes for the asset is refused (backfill it with npm run market).
Exit codes: 0 done, 1 the run failed, 2 bad arguments.
`;
