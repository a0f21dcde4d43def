import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["history"];
export type DecisionPage = Outputs["decisions"];
export type OrderPage = Outputs["orders"];
export type FillPage = Outputs["fills"];
export type PositionPage = Outputs["positions"];
