import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["arena"];
export type ArenaOverview = Outputs["overview"];
export type AccumulatingView = NonNullable<ArenaOverview["accumulating"]>;
export type AccumulatingEntrant = AccumulatingView["entrants"][number];
export type LiveView = NonNullable<ArenaOverview["live"]>;
export type RaceView = Outputs["race"];
export type RaceSummary = RaceView["race"];
export type RaceRow = RaceView["rows"][number];
export type MyTickets = Outputs["myTickets"];
export type CloneRaces = Outputs["cloneRaces"];
