import { signUpInput } from "@/lib/schemas/auth";
import { signUp } from "@/server/services/users/sign-up";
import { publicProcedure, router } from "../trpc";

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const user = await signUp(ctx.db, input);
    return { id: user.id, email: user.email, name: user.name };
  }),
});
