import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { equityBreakdown } from "@/lib/domain/paper/account";
import { usdToMicro } from "@/lib/domain/paper/money-micro";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import * as paper from "@/server/repositories/paper";
import { candlesInRange } from "@/server/repositories/market/series";
import { findAsset } from "@/server/repositories/market/assets";
import { transaction } from "@/server/db";
import { createCloneFromTemplate } from "../clones/clones";
import { syncReplay } from "../market/sync/replay";
import { openFromDecision } from "./execute";
import { marketAt } from "./market-at";
import { monitorAccount } from "./monitor";

const M = 60_000;
const T = Date.UTC(2026, 7, 3, 9, 0, 30);
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(T + 3 * 3_600_000), { seed: "monitor", symbols: ["BTC"] });
});
afterAll(async () => t.cleanup());

async function accountWithLong(scope: string, stopPct: number, tpPct: number) {
  const owner = await t.db.user.create({ data: { email: `${scope}@example.test`, name: scope, passwordHash: "-" } });
  const { id } = await createCloneFromTemplate(t.db, { ownerId: owner.id, templateId: "momentum" });
  const account = await paper.ensureAccount(t.db, { cloneId: id, mode: "PERSONAL", scopeKey: scope, startMicro: usdToMicro(10_000), dayStartMs: 0 });
  const market = (await marketAt(t.db, "BTC", T))!;
  const px = market.referencePrice;
  await transaction(t.db, (tx) => openFromDecision(tx, {
    account, asset: "BTC", side: "long", marginMicro: usdToMicro(1_000), leverage: 2,
    stopLoss: Math.round(px * (1 - stopPct / 100)), takeProfit: Math.round(px * (1 + tpPct / 100)), market, time: T, decisionRunId: null, clientKey: `${scope}:open`,
  }));
  const [stored] = await paper.openPositions(t.db, account.id);
  return { account, position: stored!.position };
}

describe("monitorAccount", () => {
  it("exits on the first bar that reaches the stop or the take-profit, after applying the funding hours before it", async () => {
    const { account, position } = await accountWithLong("tight", 0.15, 0.15);
    const assetId = (await findAsset(t.db, "HYPERLIQUID", "BTC"))!.id;
    const bars = await candlesInRange(t.db, assetId, Math.ceil((T + 1) / M) * M, T + 2 * 3_600_000);
    const hit = bars.find((b) => b.low <= position.stopLoss! || b.high >= position.takeProfit!)!;
    expect(hit).toBeDefined();
    const stopFirst = hit.low <= position.stopLoss!; // both in one bar: the stop wins
    const result = await monitorAccount(t.db, account.id, T + 2 * 3_600_000);
    expect(result.exits).toHaveLength(1);
    expect(result.exits[0]!.reason).toBe(stopFirst ? "STOP_TRIGGERED" : "TP_TRIGGERED");
    const closed = await t.db.paperPosition.findFirstOrThrow({ where: { accountId: account.id } });
    expect(closed.state).toBe("CLOSED");
    expect(Number(closed.closedAtMs)).toBe(hit.openTime + M - 1);
    const level = stopFirst ? position.stopLoss! : position.takeProfit!;
    const ref = stopFirst && hit.open < level ? hit.open : level; // a stop gapped through fills from the open
    expect(result.exits[0]!.price).toBeLessThanOrEqual(ref); // a sell fills at or below its reference
    expect(result.exits[0]!.price).toBeGreaterThan(ref * 0.99);
    const fundingHoursBefore = Math.max(0, Math.floor(hit.openTime / 3_600_000) - Math.floor(T / 3_600_000));
    expect(result.fundingHours).toBe(fundingHoursBefore);

    const after = (await paper.findAccount(t.db, account.id))!;
    expect(after.fundingMicro).toBe(Number(closed.fundingMicro));
    expect(equityBreakdown(after, [], {}).equityMicro).toBe(after.startMicro + after.realizedMicro - after.feesMicro + after.fundingMicro);
    // running it again changes nothing: the position is closed
    expect(await monitorAccount(t.db, account.id, T + 2 * 3_600_000)).toEqual({ exits: [], fundingHours: 0 });
  });

  it("a wide position stays open, pays or receives each funding hour once, and resumes where it stopped", async () => {
    const { account } = await accountWithLong("wide", 40, 40);
    const first = await monitorAccount(t.db, account.id, T + 90 * M);
    const second = await monitorAccount(t.db, account.id, T + 150 * M);
    expect(first.exits).toEqual([]);
    expect(first.fundingHours + second.fundingHours).toBe(2); // the hours after 09:00: 10:00 and 11:00
    const [stored] = await paper.openPositions(t.db, account.id);
    expect(stored!.position.fundingThroughHour).toBe(Date.UTC(2026, 7, 3, 11));
    const acc = (await paper.findAccount(t.db, account.id))!;
    expect(acc.fundingMicro).toBe(stored!.position.fundingMicro);
    expect(acc.fundingMicro).not.toBe(0);
  });
});
