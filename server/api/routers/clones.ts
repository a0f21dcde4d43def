import { TEMPLATE_SUMMARIES } from "@/lib/domain/graph/templates";
import { createCloneInput, createFromTemplateInput, getCloneInput, updateCloneInput } from "@/lib/schemas/clones";
import { createClone, createCloneFromTemplate, getClone, listMyClones, updateClone } from "@/server/services/clones/clones";
import { latestData } from "@/server/services/decisions/latest-data";
import { cloneIdInput } from "@/lib/schemas/clones";
import { protectedProcedure, publicProcedure, router } from "../trpc";

export const clonesRouter = router({
  templates: publicProcedure.query(() => TEMPLATE_SUMMARIES),
  listMine: protectedProcedure.query(({ ctx }) => listMyClones(ctx.db, ctx.user.id)),
  get: protectedProcedure.input(getCloneInput).query(({ ctx, input }) => getClone(ctx.db, { viewerId: ctx.user.id, ...input })),
  create: protectedProcedure.input(createCloneInput).mutation(({ ctx, input }) => createClone(ctx.db, { ownerId: ctx.user.id, graph: input.graph })),
  createFromTemplate: protectedProcedure
    .input(createFromTemplateInput)
    .mutation(({ ctx, input }) => createCloneFromTemplate(ctx.db, { ownerId: ctx.user.id, ...input })),
  latestData: protectedProcedure.input(cloneIdInput).query(({ ctx, input }) => latestData(ctx.db, { viewerId: ctx.user.id, cloneId: input.cloneId })),
  update: protectedProcedure.input(updateCloneInput).mutation(({ ctx, input }) => updateClone(ctx.db, { actorId: ctx.user.id, ...input })),
});
