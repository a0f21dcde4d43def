/**
 * instruments-in-scope: no position outside the allowed instruments.
 *
 * Definition: every open position (any state but CLOSED) is on a Hyperliquid perp
 * that market memory knows (paper execution prices only those), and that perp is
 * an asset block (venue HYPERLIQUID, same symbol) of its clone's graph: the current
 * version, or the version whose decision opened the position. Paused assets count:
 * pausing stops new decisions, it does not close what is open. The opening version
 * counts because a creator may save a version without the asset while a position
 * is open; that position was opened in scope and must still be exited, so it must
 * not pause every clone on the platform.
 */
import { assetsOf } from "@/lib/domain/graph/queries";
import type { Block } from "@/lib/domain/graph/blocks";
import { outcome, type AssertionOutcome, type Problem } from "./outcome";

export interface ScopedPositionRow {
  id: string;
  accountId: string;
  cloneId: string;
  asset: string;
  side: string;
  currentVersion: number;
  /** the clone version of the decision that opened it, when a decision did */
  openingVersion: number | null;
}

export interface CloneGraphRow {
  cloneId: string;
  version: number;
  /** the stored graph JSON */
  graph: string;
}

type Instruments = { ok: true; symbols: Set<string> } | { ok: false; reason: string };

function instrumentsOf(graph: string): Instruments {
  try {
    const parsed = JSON.parse(graph) as { blocks?: Block[] };
    if (!Array.isArray(parsed?.blocks)) return { ok: false, reason: "has no blocks" };
    return { ok: true, symbols: new Set(assetsOf({ blocks: parsed.blocks }).filter((a) => a.venue === "HYPERLIQUID").map((a) => a.symbol)) };
  } catch (e) {
    return { ok: false, reason: `is unreadable (${e instanceof Error ? e.message : String(e)})` };
  }
}

export function checkInstrumentsInScope(input: {
  positions: readonly ScopedPositionRow[];
  graphs: readonly CloneGraphRow[];
  /** Hyperliquid symbols market memory knows (at least every position's asset that exists) */
  marketSymbols: readonly string[];
}): AssertionOutcome {
  const graphs = new Map(input.graphs.map((g) => [`${g.cloneId}@${g.version}`, instrumentsOf(g.graph)]));
  const known = new Set(input.marketSymbols);
  const problems: Problem[] = [];
  for (const p of input.positions) {
    const where = `open position ${p.id} (${p.asset} ${p.side} on account ${p.accountId} of clone ${p.cloneId})`;
    const record = { positionId: p.id, accountId: p.accountId, cloneId: p.cloneId, asset: p.asset, currentVersion: p.currentVersion, openingVersion: p.openingVersion };
    if (!known.has(p.asset)) {
      problems.push({ message: `${where} is on ${p.asset}, which market memory has no Hyperliquid perp for`, record });
      continue;
    }
    const versions = [...new Set([p.currentVersion, ...(p.openingVersion === null ? [] : [p.openingVersion])])];
    const scopes = versions.map((v) => ({ v, i: graphs.get(`${p.cloneId}@${v}`) ?? ({ ok: false, reason: "is missing" } as const) }));
    if (scopes.some((s) => s.i.ok && s.i.symbols.has(p.asset))) continue;
    const unreadable = scopes.find((s) => !s.i.ok);
    if (unreadable && !unreadable.i.ok) {
      problems.push({ message: `${where} cannot be checked: the graph of version ${unreadable.v} ${unreadable.i.reason}`, record });
      continue;
    }
    const trades = scopes.map((s) => `version ${s.v} trades ${s.i.ok ? [...s.i.symbols].join(", ") || "nothing on Hyperliquid" : "?"}`).join("; ");
    problems.push({ message: `${where} is outside the clone's instruments: ${trades}`, record });
  }
  return outcome(input.positions.length, problems);
}
