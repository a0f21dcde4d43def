import { systemClock } from "@/lib/domain/clock";
import { retryChannelInput, setSourcePausedInput } from "@/lib/schemas/market";
import { ingestionOverview } from "@/server/services/market/ingestion-overview";
import { retryChannel } from "@/server/services/market/retry-channel";
import { setSourcePaused } from "@/server/services/market/source-controls";
import { adminProcedure, router } from "../trpc";

export const marketAdminRouter = router({
  overview: adminProcedure.query(({ ctx }) => ingestionOverview(ctx.db, systemClock)),
  retryChannel: adminProcedure.input(retryChannelInput).mutation(({ ctx, input }) => retryChannel(ctx.db, systemClock, input.channelId)),
  setSourcePaused: adminProcedure
    .input(setSourcePausedInput)
    .mutation(({ ctx, input }) => setSourcePaused(ctx.db, { ...input, actor: { userId: ctx.user.id, label: ctx.user.email } })),
});
