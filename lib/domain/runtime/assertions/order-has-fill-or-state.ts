/**
 * order-has-fill-or-state: every order has an id and either a fill or an explicit
 * state.
 *
 * Definition, from server/repositories/paper.ts (the only writer of orders):
 * - the id is a non-empty string;
 * - the status is FILLED or REJECTED (there is no pending or unknown state on paper);
 * - a FILLED order has at least one fill, its fills total the order's size, and
 *   each fill is on the order's account and asset, on the order's side;
 * - a REJECTED order has a non-empty reason and no fill.
 */
import { outcome, sameSize, type AssertionOutcome, type Problem } from "./outcome";

export interface OrderFillRow {
  id: string;
  accountId: string;
  asset: string;
  side: string;
  sizeBase: number;
}

export interface OrderRow {
  id: string;
  accountId: string;
  asset: string;
  side: string;
  sizeBase: number;
  status: string;
  reason: string | null;
  fills: readonly OrderFillRow[];
}

const describe = (o: OrderRow) => `order ${o.id || "(no id)"} (${o.asset} ${o.side} ${o.sizeBase} on account ${o.accountId})`;

export function checkOrderHasFillOrState(input: { orders: readonly OrderRow[] }): AssertionOutcome {
  const problems: Problem[] = [];
  for (const o of input.orders) {
    const record = { orderId: o.id, accountId: o.accountId, asset: o.asset, side: o.side, sizeBase: o.sizeBase, status: o.status, fills: o.fills.length };
    const add = (what: string) => problems.push({ message: `${describe(o)} ${what}`, record });
    if (typeof o.id !== "string" || o.id.trim() === "") {
      add("has no id");
      continue;
    }
    if (o.status === "FILLED") {
      if (o.fills.length === 0) {
        add("is FILLED but has no fill");
        continue;
      }
      const stray = o.fills.find((f) => f.accountId !== o.accountId || f.asset !== o.asset || f.side !== o.side);
      if (stray) add(`has fill ${stray.id}, a ${stray.side} of ${stray.asset} on account ${stray.accountId}`);
      const filled = o.fills.reduce((s, f) => s + f.sizeBase, 0);
      if (!sameSize(filled, o.sizeBase, o.sizeBase)) add(`is FILLED for ${o.sizeBase} but its fills total ${Number(filled.toPrecision(12))}`);
    } else if (o.status === "REJECTED") {
      if (!o.reason?.trim()) add("is REJECTED without a reason");
      if (o.fills.length > 0) add(`is REJECTED but has fill ${o.fills[0]!.id}`);
    } else {
      add(`has status ${JSON.stringify(o.status)}, neither FILLED nor REJECTED`);
    }
  }
  return outcome(input.orders.length, problems);
}
