/**
 * capital-caps: no position above the global caps (runtime controls "limits.*",
 * lib/domain/runtime/controls.ts) that were in force when it opened.
 *
 * Definition, for each open position and each cap that has not changed since the
 * position opened (openedAt at or after the cap's last change; a cap never set is
 * its default, in force from the start):
 * - limits.maxLeverage:    the position's leverage ≤ the cap;
 * - limits.maxNotionalUsd: its entry notional ≤ the cap;
 * - limits.maxPositionPct: the sizePct of the decision that opened it ≤ the cap.
 *   decide() commits sizePct % of the account's equity at T as margin, so that is
 *   the position's size as a share of equity at entry; a position no decision
 *   opened is held to the other two caps.
 * A cap lowered after a position opened does not apply to it: the operator chose
 * a new cap for new entries, and flatten exists for closing what is open.
 */
import type { GlobalLimitName } from "@/lib/domain/runtime/controls";
import { isoTime, outcome, type AssertionOutcome, type Problem } from "./outcome";

export interface CappedPositionRow {
  id: string;
  accountId: string;
  asset: string;
  side: string;
  leverage: number;
  entryNotionalMicro: number;
  openedAtMs: number;
  /** sizePct of the opening decision's action, when a decision opened it */
  openingSizePct: number | null;
}

export type CapsInForce = Record<GlobalLimitName, { value: number; sinceMs: number | null }>;

const usd = (value: number) => `${value.toLocaleString("en-US", { maximumFractionDigits: 2 })} USD`;

export function checkCapitalCaps(input: { positions: readonly CappedPositionRow[]; caps: CapsInForce }): AssertionOutcome {
  const problems: Problem[] = [];
  const applies = (name: GlobalLimitName, p: CappedPositionRow) => {
    const since = input.caps[name].sinceMs;
    return since === null || p.openedAtMs >= since;
  };
  for (const p of input.positions) {
    const where = `open position ${p.id} (${p.asset} ${p.side} on account ${p.accountId}, opened ${isoTime(p.openedAtMs)})`;
    const add = (name: GlobalLimitName, what: string, actual: number) => {
      const cap = input.caps[name].value;
      problems.push({
        message: `${where} ${what}, above the global cap of ${name === "maxNotionalUsd" ? usd(cap) : name === "maxLeverage" ? `${cap}x` : `${cap}% of equity`} (limits.${name})`,
        record: { positionId: p.id, accountId: p.accountId, asset: p.asset, limit: `limits.${name}`, cap, actual, openedAt: isoTime(p.openedAtMs) },
      });
    };
    const { maxLeverage, maxNotionalUsd, maxPositionPct } = input.caps;
    if (applies("maxLeverage", p) && !(p.leverage <= maxLeverage.value)) add("maxLeverage", `has leverage ${p.leverage}x`, p.leverage);
    if (applies("maxNotionalUsd", p) && !(p.entryNotionalMicro <= maxNotionalUsd.value * 1_000_000)) {
      add("maxNotionalUsd", `has an entry notional of ${usd(p.entryNotionalMicro / 1_000_000)}`, p.entryNotionalMicro);
    }
    if (applies("maxPositionPct", p) && p.openingSizePct !== null && !(p.openingSizePct <= maxPositionPct.value)) {
      add("maxPositionPct", `was opened with ${p.openingSizePct}% of equity`, p.openingSizePct);
    }
  }
  return outcome(input.positions.length, problems);
}
