import { TEMPLATE_SUMMARIES } from "@/lib/domain/graph/templates";
import { createCloneInput, createFromTemplateInput, getCloneInput, updateCloneInput } from "@/lib/schemas/clones";
import { createClone, getClone, listMyClones, updateClone } from "@/server/services/clones/clones";
import { createAndRunFromTemplate } from "@/server/services/clones/personal-run";
import { latestData } from "@/server/services/decisions/latest-data";
import { cloneActivity } from "@/server/services/clones/clone-activity";
import { z } from "zod";
import { cloneIdInput } from "@/lib/schemas/clones";
import { resumeRunner, runnerHealthOfClone } from "@/server/services/runner/runner-state";
import { protectedProcedure, publicProcedure, router } from "../trpc";

export const clonesRouter = router({
  templates: publicProcedure.query(() => TEMPLATE_SUMMARIES),
  listMine: protectedProcedure.query(({ ctx }) => listMyClones(ctx.db, ctx.user.id)),
  get: protectedProcedure.input(getCloneInput).query(({ ctx, input }) => getClone(ctx.db, { viewerId: ctx.user.id, ...input })),
  create: protectedProcedure.input(createCloneInput).mutation(({ ctx, input }) => createClone(ctx.db, { ownerId: ctx.user.id, graph: input.graph })),
  /** Basic mode: a clone from a template, running privately on a PERSONAL paper account at once */
  createFromTemplate: protectedProcedure
    .input(createFromTemplateInput)
    .mutation(({ ctx, input }) => createAndRunFromTemplate(ctx.db, { ownerId: ctx.user.id, ...input, now: Date.now() })),
  latestData: protectedProcedure.input(cloneIdInput).query(({ ctx, input }) => latestData(ctx.db, { viewerId: ctx.user.id, cloneId: input.cloneId })),
  activity: protectedProcedure
    .input(z.object({ cloneId: z.string().min(1).max(64), page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) => cloneActivity(ctx.db, { viewerId: ctx.user.id, ...input })),
  /** the runner's failing or stopped assets of this clone (empty when all is well) */
  runnerHealth: protectedProcedure
    .input(cloneIdInput)
    .query(({ ctx, input }) => runnerHealthOfClone(ctx.db, { cloneId: input.cloneId, viewerId: ctx.user.id, isAdmin: ctx.user.role === "ADMIN" })),
  resumeRunner: protectedProcedure
    .input(cloneIdInput)
    .mutation(({ ctx, input }) => resumeRunner(ctx.db, { cloneId: input.cloneId, viewerId: ctx.user.id, isAdmin: ctx.user.role === "ADMIN", now: Date.now() })),
  update: protectedProcedure.input(updateCloneInput).mutation(({ ctx, input }) => updateClone(ctx.db, { actorId: ctx.user.id, ...input })),
});
