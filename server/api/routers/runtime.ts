import { controlChangesInput, setClonePausedInput, setGlobalLimitInput, setKillSwitchInput } from "@/lib/schemas/runtime";
import { setClonePaused, setGlobalLimit, setKillSwitch } from "@/server/services/runtime/controls";
import { runtimeControlChanges, runtimeControlsOverview } from "@/server/services/runtime/overview";
import { assertionBoard } from "@/server/services/runtime/run-assertions";
import { troubledRunners } from "@/server/services/runner/runner-state";
import { adminProcedure, router } from "../trpc";

const actorOf = (user: { id: string; email: string }) => ({ userId: user.id, label: user.email });

export const runtimeAdminRouter = router({
  overview: adminProcedure.query(({ ctx }) => runtimeControlsOverview(ctx.db)),
  assertions: adminProcedure.query(({ ctx }) => assertionBoard(ctx.db)),
  troubledRunners: adminProcedure.query(({ ctx }) => troubledRunners(ctx.db)),
  changes: adminProcedure.input(controlChangesInput).query(({ ctx, input }) => runtimeControlChanges(ctx.db, input)),
  setKillSwitch: adminProcedure.input(setKillSwitchInput).mutation(({ ctx, input }) => setKillSwitch(ctx.db, { ...input, actor: actorOf(ctx.user) })),
  setClonePaused: adminProcedure.input(setClonePausedInput).mutation(({ ctx, input }) => setClonePaused(ctx.db, { ...input, actor: actorOf(ctx.user) })),
  setLimit: adminProcedure.input(setGlobalLimitInput).mutation(({ ctx, input }) => setGlobalLimit(ctx.db, { ...input, actor: actorOf(ctx.user) })),
});
