import { adminRouter } from "./routers/admin";
import { authRouter } from "./routers/auth";
import { walletRouter } from "./routers/wallet";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  wallet: walletRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
