import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { clonesRouter } from "./routers/clones";
import { walletRouter } from "./routers/wallet";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  wallet: walletRouter,
  clones: clonesRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
