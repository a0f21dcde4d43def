import { walletPageInput } from "@/lib/schemas/wallet";
import { getWallet } from "@/server/services/wallet/get-wallet";
import { protectedProcedure, router } from "../trpc";

export const walletRouter = router({
  get: protectedProcedure.input(walletPageInput).query(({ ctx, input }) => getWallet(ctx.db, ctx.user.id, input.page)),
});
