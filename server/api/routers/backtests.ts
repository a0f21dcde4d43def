import { backtestIdInput, startBacktestInput } from "@/lib/schemas/backtests";
import { getBacktestRun, startBacktestRun } from "@/server/services/backtest/backtest-runs";
import { protectedProcedure, router } from "../trpc";

export const backtestsRouter = router({
  /** the owner's clone over a window; answers at once with the run's id, the run goes on in the background */
  start: protectedProcedure
    .input(startBacktestInput)
    .mutation(({ ctx, input }) => startBacktestRun(ctx.db, { ownerId: ctx.user.id, cloneId: input.cloneId, asset: input.asset, from: input.from.getTime(), to: input.to.getTime(), now: Date.now() })),
  /** status, progress from 0 to 1, and the report once DONE */
  get: protectedProcedure.input(backtestIdInput).query(({ ctx, input }) => getBacktestRun(ctx.db, { viewerId: ctx.user.id, id: input.id, now: Date.now() })),
});
