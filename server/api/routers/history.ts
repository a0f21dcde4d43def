import {
  decisionDetailInput, decisionsInput, equityInput, fillsInput, historyOverviewInput, ordersInput, positionsInput,
} from "@/lib/schemas/history";
import { decisionDetail } from "@/server/services/history/decision-detail";
import { historyEquity } from "@/server/services/history/equity";
import { listDecisionHistory } from "@/server/services/history/list-decisions";
import { listFillHistory } from "@/server/services/history/list-fills";
import { listOrderHistory } from "@/server/services/history/list-orders";
import { listPositionHistory } from "@/server/services/history/list-positions";
import { historyOverview } from "@/server/services/history/overview";
import { protectedProcedure, router } from "../trpc";

/** A clone's trading history: its creator's to read (admins may read any clone's). */
export const historyRouter = router({
  overview: protectedProcedure.input(historyOverviewInput).query(({ ctx, input }) => historyOverview(ctx.db, ctx.user, input)),
  decisions: protectedProcedure.input(decisionsInput).query(({ ctx, input }) => listDecisionHistory(ctx.db, ctx.user, input)),
  /** one decision whole: packet, prompt, response, validation and its orders */
  decision: protectedProcedure.input(decisionDetailInput).query(({ ctx, input }) => decisionDetail(ctx.db, ctx.user, input)),
  orders: protectedProcedure.input(ordersInput).query(({ ctx, input }) => listOrderHistory(ctx.db, ctx.user, input)),
  fills: protectedProcedure.input(fillsInput).query(({ ctx, input }) => listFillHistory(ctx.db, ctx.user, input)),
  positions: protectedProcedure.input(positionsInput).query(({ ctx, input }) => listPositionHistory(ctx.db, ctx.user, input)),
  equity: protectedProcedure.input(equityInput).query(({ ctx, input }) => historyEquity(ctx.db, ctx.user, input)),
});
