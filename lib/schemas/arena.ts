import { z } from "zod";
import { MAX_CLIENT_KEY_LENGTH } from "@/lib/domain/race/tickets";
import { creditsAmount } from "./wallet";

const id = (what: string) => z.string({ message: `${what} is required` }).trim().min(1, { message: `${what} is required` }).max(64, { message: `${what} is too long` });

/** A ticket as the buy box sends it: credits as typed ("25", "12.50"), parsed to cents; the stake rules are the service's. */
export const buyTicketInput = z.object({
  raceId: id("raceId"),
  cloneId: id("cloneId"),
  amount: creditsAmount,
  clientKey: z.string({ message: "clientKey is required" }).trim().min(1, { message: "clientKey is required" }).max(MAX_CLIENT_KEY_LENGTH, { message: `clientKey must be at most ${MAX_CLIENT_KEY_LENGTH} characters` }),
});

export const raceNumberInput = z.object({ number: z.number({ message: "number must be a race number" }).int().min(1) });
export const cloneRacesInput = z.object({ cloneId: id("cloneId") });
export const ticketsPageInput = z.object({ page: z.number().int().min(1).default(1) });
export const arenaScheduleInput = z.object({
  accumulateMinutes: z.number().int(),
  liveMinutes: z.number().int(),
  timeScale: z.number(),
  reason: z.string().trim().min(3, { message: "Give a reason for the change (at least 3 characters)" }).max(500, { message: "Keep the reason under 500 characters" }),
});
export const cancelRaceInput = z.object({ raceId: id("raceId"), reason: z.string().trim().min(3, { message: "Give a reason (at least 3 characters)" }).max(300) });
