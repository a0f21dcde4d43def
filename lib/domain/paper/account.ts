/**
 * A synthetic paper account, in integer micro-dollars.
 *
 * The account holds what has been BOOKED (every LedgerDelta the position rules
 * returned: entry fees at open, funding per hour, realized PnL and exit fee at
 * close). Open positions add only their unrealized PnL, so each amount counts once:
 *
 *   equity = start + realized + unrealized − fees + funding
 *
 * with `fundingMicro` signed as funding RECEIVED (funding.ts). The sum is exact: every
 * term is an integer number of micro-dollars and every addition is range-checked.
 *
 * Marks: a missing or unusable mark (NaN, ≤ 0) falls back to the position's last
 * seen price, then its entry price, so equity is never NaN. Liquidation is out of
 * scope; freeMargin may go negative and the safety gates decide what that means.
 */
import { addMicro, assertMicro, mulPriceSize, sumMicro, type Micro } from "./money-micro";
import { isOpen, type LedgerDelta, type Position } from "./position-types";
import { pricePnlMicro } from "./position";

export interface PaperAccount {
  startMicro: Micro;
  realizedMicro: Micro;
  feesMicro: Micro;
  /** Net funding received (negative when the account paid more than it received). */
  fundingMicro: Micro;
}

export type Marks = Readonly<Record<string, number>> | ReadonlyMap<string, number>;

export interface EquityBreakdown extends PaperAccount {
  unrealizedMicro: Micro;
  equityMicro: Micro;
}

export function openAccount(startMicro: Micro): PaperAccount {
  return { startMicro: assertMicro(startMicro, "startMicro"), realizedMicro: 0, feesMicro: 0, fundingMicro: 0 };
}

export function bookDelta(account: PaperAccount, delta: LedgerDelta): PaperAccount {
  return {
    startMicro: account.startMicro,
    realizedMicro: addMicro(addMicro(0, account.realizedMicro, "realizedMicro"), delta.realizedMicro, "realizedMicro"),
    feesMicro: addMicro(addMicro(0, account.feesMicro, "feesMicro"), delta.feesMicro, "feesMicro"),
    fundingMicro: addMicro(addMicro(0, account.fundingMicro, "fundingMicro"), delta.fundingMicro, "fundingMicro"),
  };
}

/** The price an open position is valued at: the mark if usable, else last, else entry. */
export function markFor(position: Position, marks: Marks): number {
  return valuedAt(position, marks instanceof Map ? marks.get(position.asset) : (marks as Readonly<Record<string, number>>)[position.asset]);
}

/** The first usable of the position's mark, last and entry price (in turn, without a list: equity is asked at every decision of a backtest). */
function valuedAt(position: Position, mark: number | undefined): number {
  if (usablePrice(mark)) return mark;
  if (usablePrice(position.lastPrice)) return position.lastPrice;
  return position.entryPrice;
}

const usablePrice = (candidate: number | undefined): candidate is number => candidate !== undefined && Number.isFinite(candidate) && candidate > 0;

export function unrealizedPnlMicro(position: Position, markPrice: number): Micro {
  if (!isOpen(position)) return 0;
  return pricePnlMicro(position, mulPriceSize(markPrice, position.sizeBase));
}

// sumMicro's sums written out step by step (addMicro), in its order, without the lists

function unrealizedOf(positions: readonly Position[], marks: Marks): Micro {
  let total = 0;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    if (isOpen(p)) total = addMicro(total, unrealizedPnlMicro(p, markFor(p, marks)), "unrealizedMicro");
  }
  return total;
}

function equityOf(account: PaperAccount, unrealizedMicro: Micro): Micro {
  let total = addMicro(0, account.startMicro, "equityMicro");
  total = addMicro(total, account.realizedMicro, "equityMicro");
  total = addMicro(total, unrealizedMicro, "equityMicro");
  total = addMicro(total, -account.feesMicro, "equityMicro");
  return addMicro(total, account.fundingMicro, "equityMicro");
}

export function equityBreakdown(account: PaperAccount, positions: readonly Position[], marks: Marks): EquityBreakdown {
  const unrealizedMicro = unrealizedOf(positions, marks);
  return { ...account, unrealizedMicro, equityMicro: equityOf(account, unrealizedMicro) };
}

/**
 * equityBreakdown(...).equityMicro without the breakdown: on Node 20 the two keys
 * added to the account's spread cost ~2 µs, and a backtest asks at every decision.
 */
export function equity(account: PaperAccount, positions: readonly Position[], marks: Marks): Micro {
  return equityOf(account, unrealizedOf(positions, marks));
}

/**
 * equity(account, position ? [position] : [], { [asset]: mark }) for at most one position and one
 * asset's mark (null: none), without the list and the marks object: a backtest values its one
 * position at every decision.
 */
export function equityWithMark(account: PaperAccount, position: Position | null, asset: string, mark: number | null): Micro {
  if (!position || !isOpen(position)) return equityOf(account, 0);
  const price = valuedAt(position, position.asset === asset && mark !== null ? mark : undefined);
  return equityOf(account, addMicro(0, unrealizedPnlMicro(position, price), "unrealizedMicro"));
}

/** Margin reserved by positions still open (EXIT_PENDING included: not closed yet). */
export function marginUsed(positions: readonly Position[]): Micro {
  return sumMicro(positions.filter(isOpen).map((p) => p.marginMicro), "marginUsed");
}

export function freeMargin(account: PaperAccount, positions: readonly Position[], marks: Marks): Micro {
  return sumMicro([equity(account, positions, marks), -marginUsed(positions)], "freeMargin");
}
