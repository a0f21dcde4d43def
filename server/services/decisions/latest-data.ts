/**
 * What a decision of this clone would see right now: the Studio's Latest Data
 * drawer. The same resolver as the decisions, not a copy, with T = the clock's now.
 */
import { systemClock, type Clock } from "@/lib/domain/clock";
import type { PrismaClient } from "@/server/db";
import { getClone } from "../clones/clones";
import { resolveContext } from "./resolve-context";

export async function latestData(db: PrismaClient, input: { viewerId: string; cloneId: string }, clock: Clock = systemClock) {
  const clone = await getClone(db, { viewerId: input.viewerId, cloneId: input.cloneId });
  return { cloneId: clone.id, version: clone.version, packet: await resolveContext(db, clone.graph, clock.now().getTime()) };
}
