import { adminRouter } from "./routers/admin";
import { arenaRouter } from "./routers/arena";
import { authRouter } from "./routers/auth";
import { backtestsRouter } from "./routers/backtests";
import { clonesRouter } from "./routers/clones";
import { historyRouter } from "./routers/history";
import { walletRouter } from "./routers/wallet";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  wallet: walletRouter,
  clones: clonesRouter,
  backtests: backtestsRouter,
  history: historyRouter,
  admin: adminRouter,
  arena: arenaRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
