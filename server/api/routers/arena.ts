import { arenaScheduleInput, buyTicketInput, cancelRaceInput, cloneRacesInput, raceNumberInput, ticketsPageInput } from "@/lib/schemas/arena";
import { refundRace } from "@/server/services/arena/refund";
import { arenaSchedule, arenaScheduleChanges, setArenaSchedule } from "@/server/services/arena/settings";
import { buyTicket } from "@/server/services/arena/tickets";
import { adminRaces, arenaOverview, cloneRaceHistory, myTickets, raceView } from "@/server/services/arena/views";
import { adminProcedure, protectedProcedure, publicProcedure, router } from "../trpc";

export const arenaRouter = router({
  overview: publicProcedure.query(({ ctx }) => arenaOverview(ctx.db)),
  race: publicProcedure.input(raceNumberInput).query(({ ctx, input }) => raceView(ctx.db, input.number)),
  cloneRaces: publicProcedure.input(cloneRacesInput).query(({ ctx, input }) => cloneRaceHistory(ctx.db, input.cloneId)),
  myTickets: protectedProcedure.input(ticketsPageInput).query(({ ctx, input }) => myTickets(ctx.db, ctx.user.id, input.page)),
  buyTicket: protectedProcedure
    .input(buyTicketInput)
    .mutation(({ ctx, input }) => buyTicket(ctx.db, { userId: ctx.user.id, raceId: input.raceId, cloneId: input.cloneId, stakeCents: input.amount, clientKey: input.clientKey })),
  schedule: adminProcedure.query(({ ctx }) => arenaSchedule(ctx.db)),
  setSchedule: adminProcedure
    .input(arenaScheduleInput)
    .mutation(({ ctx, input: { reason, ...schedule } }) => setArenaSchedule(ctx.db, schedule, { actor: { userId: ctx.user.id, label: ctx.user.email }, reason })),
  scheduleChanges: adminProcedure.query(({ ctx }) => arenaScheduleChanges(ctx.db)),
  /** Every race in play and the latest finished ones, for /admin/arena. */
  recentRaces: adminProcedure.query(({ ctx }) => adminRaces(ctx.db, 12)),
  cancelRace: adminProcedure.input(cancelRaceInput).mutation(async ({ ctx, input }) => ({ cancelled: await refundRace(ctx.db, input.raceId, { reason: `Cancelled by an operator: ${input.reason}`, now: Date.now() }) })),
});
