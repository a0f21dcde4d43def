import { z } from "zod";
import { grantCreditsInput } from "@/lib/schemas/wallet";
import { getAdminOverview, listUsersForAdmin } from "@/server/services/admin/overview";
import { grantCredits } from "@/server/services/wallet/grant-credits";
import { adminProcedure, router } from "../trpc";
import { marketAdminRouter } from "./market";
import { runtimeAdminRouter } from "./runtime";

export const adminRouter = router({
  grantCredits: adminProcedure.input(grantCreditsInput).mutation(async ({ ctx, input }) => {
    const result = await grantCredits(ctx.db, {
      actorId: ctx.user.id,
      email: input.email,
      amountCents: input.amount,
      reason: input.reason,
      requestId: input.requestId,
    });
    return { transactionId: result.transactionId, replayed: result.replayed };
  }),
  users: adminProcedure
    .input(z.object({ search: z.string().max(100).optional(), page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) => listUsersForAdmin(ctx.db, input)),
  overview: adminProcedure.query(({ ctx }) => getAdminOverview(ctx.db)),
  market: marketAdminRouter,
  runtime: runtimeAdminRouter,
});
