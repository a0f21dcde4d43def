/**
 * positions-match-fills: what the fills bought and sold is what the positions hold.
 *
 * Definition: per account and asset, the net signed size of all fills (buy +,
 * sell −) equals the signed size of the open positions on that asset (long +,
 * short −; EXIT_PENDING counts as open, since its exit has not filled; 0 when
 * none), within a tolerance far below the smallest lot. Every entry is a fill of
 * the position's size and every exit a fill of the whole position
 * (lib/domain/paper/position.ts), so a closed position nets to zero.
 *
 * `fillTotals` are per account, asset and side (summed by the database);
 * `accountIds` are the accounts checked, so an account with fills and no position
 * row, or the reverse, is still seen.
 */
import { outcome, sameSize, signedSize, type AssertionOutcome, type Problem } from "./outcome";

export interface FillTotalRow {
  accountId: string;
  asset: string;
  side: string;
  sizeBase: number;
}

export interface OpenPositionSizeRow {
  id: string;
  accountId: string;
  asset: string;
  side: string;
  sizeBase: number;
}

interface Book {
  accountId: string;
  asset: string;
  fillsNet: number;
  fillsGross: number;
  positionNet: number;
  positionIds: string[];
  badSides: string[];
}

export function checkPositionsMatchFills(input: {
  accountIds: readonly string[];
  fillTotals: readonly FillTotalRow[];
  openPositions: readonly OpenPositionSizeRow[];
}): AssertionOutcome {
  const books = new Map<string, Book>();
  const book = (accountId: string, asset: string) => {
    const key = `${accountId}\u0000${asset}`;
    let b = books.get(key);
    if (!b) books.set(key, (b = { accountId, asset, fillsNet: 0, fillsGross: 0, positionNet: 0, positionIds: [], badSides: [] }));
    return b;
  };
  for (const f of input.fillTotals) {
    const b = book(f.accountId, f.asset);
    if (f.side !== "buy" && f.side !== "sell") b.badSides.push(`fill side ${JSON.stringify(f.side)}`);
    b.fillsNet += f.side === "sell" ? -f.sizeBase : f.sizeBase;
    b.fillsGross += Math.abs(f.sizeBase);
  }
  for (const p of input.openPositions) {
    const b = book(p.accountId, p.asset);
    if (p.side !== "long" && p.side !== "short") b.badSides.push(`position ${p.id} side ${JSON.stringify(p.side)}`);
    b.positionNet += p.side === "short" ? -p.sizeBase : p.sizeBase;
    b.positionIds.push(p.id);
  }

  const problems: Problem[] = [];
  for (const b of books.values()) {
    const where = `account ${b.accountId} ${b.asset}`;
    const record = { accountId: b.accountId, asset: b.asset, fillsNet: b.fillsNet, positionNet: b.positionNet, positionIds: b.positionIds.join(",") || null };
    if (b.badSides.length) {
      problems.push({ message: `${where}: unknown ${b.badSides.join(", ")}`, record });
      continue;
    }
    if (sameSize(b.fillsNet, b.positionNet, b.fillsGross + Math.abs(b.positionNet))) continue;
    const held = b.positionIds.length === 0 ? "there is no open position" : `the open position${b.positionIds.length > 1 ? "s" : ""} ${b.positionIds.join(", ")} hold${b.positionIds.length > 1 ? "" : "s"} ${signedSize(b.positionNet)}`;
    problems.push({ message: `${where}: fills net ${signedSize(b.fillsNet)} but ${held}`, record });
  }
  const checked = new Set([...input.accountIds, ...[...books.values()].map((b) => b.accountId)]).size;
  return outcome(checked, problems);
}
