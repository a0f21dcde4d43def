/**
 * no-future-data: no trading on data from the future.
 *
 * Definition, for each decision run at its decision time T:
 * - its stored context packet is readable and was built for T (packet.decisionTime);
 * - no stream's freshness.asOf is after T;
 * - no point became known after T. A point's time is when it is stamped, except a
 *   candle bar, stamped at its open and known once it closes (time + its
 *   granularity), and a daily macro point, known at the end of its day: the same
 *   rules the context resolver uses for asOf (server/services/decisions/resolve-context.ts);
 * - no fill of its orders is stamped before T (an order placed at T cannot fill
 *   on an earlier price).
 */
import type { ContextPacket } from "@/lib/domain/decisions/context-packet";
import { DAY_MS, GRANULARITY_MS, MINUTE_MS } from "@/lib/domain/graph/vocabulary";
import { isoTime, outcome, type AssertionOutcome, type Problem } from "./outcome";

export interface PacketRunRow {
  id: string;
  asset: string;
  decisionTimeMs: number;
  /** the stored context packet JSON */
  contextPacket: string;
}

export interface RunFillRow {
  id: string;
  decisionRunId: string;
  timeMs: number;
}

function knownAt(dataset: string, granularity: string, time: number): number {
  if (dataset === "candles") return time + (GRANULARITY_MS[granularity as keyof typeof GRANULARITY_MS] ?? MINUTE_MS);
  if (dataset === "macro") return time + DAY_MS;
  return time;
}

function packetProblems(run: PacketRunRow): Problem[] {
  const T = run.decisionTimeMs;
  const where = `decision run ${run.id} (${run.asset} at ${isoTime(T)})`;
  const record = (extra: Problem["record"] = {}) => ({ runId: run.id, asset: run.asset, decisionTime: isoTime(T), ...extra });
  let packet: ContextPacket;
  try {
    packet = JSON.parse(run.contextPacket) as ContextPacket;
  } catch {
    return [{ message: `${where} has an unreadable context packet`, record: record() }];
  }
  if (!packet || !Array.isArray(packet.assets)) return [{ message: `${where} has a context packet without assets`, record: record() }];
  if (packet.decisionTime !== T) {
    return [{ message: `${where} holds a context packet built for ${isoTime(Number(packet.decisionTime))}`, record: record({ packetTime: Number(packet.decisionTime) }) }];
  }
  const problems: Problem[] = [];
  for (const asset of packet.assets) {
    for (const s of asset.streams ?? []) {
      const stream = `${s.blockId} (${asset.symbol} ${s.dataset} ${s.granularity})`;
      const asOf = s.freshness?.asOf;
      if (typeof asOf === "number" && asOf > T) {
        problems.push({ message: `${where} holds ${stream} as of ${isoTime(asOf)}, after its decision time`, record: record({ blockId: s.blockId, stamp: isoTime(asOf) }) });
      }
      for (const point of s.points ?? []) {
        if (typeof point.time !== "number") continue;
        const known = knownAt(s.dataset, s.granularity, point.time);
        if (known <= T) continue;
        const when = known === point.time ? "" : `, known only at ${isoTime(known)}`;
        problems.push({
          message: `${where} holds a ${stream} point stamped ${isoTime(point.time)}${when}, after its decision time`,
          record: record({ blockId: s.blockId, stamp: isoTime(point.time), knownAt: isoTime(known) }),
        });
        break; // one point per stream says enough
      }
    }
  }
  return problems;
}

export function checkNoFutureData(input: { runs: readonly PacketRunRow[]; fills: readonly RunFillRow[] }): AssertionOutcome {
  const problems = input.runs.flatMap(packetProblems);
  const runs = new Map(input.runs.map((r) => [r.id, r]));
  for (const f of input.fills) {
    const run = runs.get(f.decisionRunId);
    if (!run || f.timeMs >= run.decisionTimeMs) continue;
    problems.push({
      message: `fill ${f.id} of decision run ${run.id} (${run.asset} at ${isoTime(run.decisionTimeMs)}) is stamped ${isoTime(f.timeMs)}, before its decision`,
      record: { fillId: f.id, runId: run.id, asset: run.asset, decisionTime: isoTime(run.decisionTimeMs), fillTime: isoTime(f.timeMs) },
    });
  }
  return outcome(input.runs.length + input.fills.length, problems);
}
