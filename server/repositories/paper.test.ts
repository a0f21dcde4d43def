/**
 * The paper writes are plain SQL (server/db/writer.ts): the rows must be what
 * Prisma's model queries wrote before, read back through Prisma.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaperFill } from "@/lib/domain/paper/fill";
import type { Position } from "@/lib/domain/paper/position-types";
import { writeTransaction } from "@/server/db";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import * as paper from "./paper";

const T = Date.UTC(2026, 6, 1, 10, 30);
let t: TestDb;
let account: paper.AccountRow;

const fill: PaperFill = {
  side: "buy", sizeBase: 0.1 + 0.2, price: 100_123.456_789_012_34, referencePrice: 100_000, touchPrice: 100_001, slippageBps: 1 / 3, impactBps: 0.5,
  depthSource: "book", notionalMicro: 30_037_037_036, feeMicro: 13_517, time: T,
};
const position: Position = {
  asset: "BTC", side: "long", sizeBase: 0.3, entryPrice: 100_123.456_789_012_34, entryNotionalMicro: 30_037_037_036, leverage: 2, marginMicro: 15_018_518_518,
  stopLoss: 98_000, trailHigh: 100_123.456_789_012_34, trailLow: 100_123.456_789_012_34, lastPrice: 100_123.456_789_012_34, openedAt: T, updatedAt: T,
  realizedPnlMicro: 0, feesMicro: 13_517, fundingMicro: 0, fundingThroughHour: T - (T % 3_600_000), state: "MONITORING",
  history: [{ state: "ENTRY", time: T }, { state: "MONITORING", time: T }],
};

beforeAll(async () => {
  t = await createTestDb();
  const owner = await t.db.user.create({ data: { email: "paper@example.test", name: "Paper", passwordHash: "-" } });
  const clone = await t.db.clone.create({ data: { ownerId: owner.id, name: "Paper" } });
  account = await paper.ensureAccount(t.db, { cloneId: clone.id, mode: "PERSONAL", scopeKey: owner.id, startMicro: 10_000_000_000, dayStartMs: T - (T % 86_400_000) });
});
afterAll(async () => t.cleanup());

describe("paper writes", () => {
  it("store an order, its fill, a position and the account totals in one transaction, as Prisma reads them", async () => {
    const { orderId, positionId } = await writeTransaction(t.db, async (tx) => {
      const orderId = await paper.insertOrderWithFill(tx, { accountId: account.id, decisionRunId: null, clientKey: "k:open", asset: "BTC", purpose: "OPEN", reduceOnly: false, fill });
      const positionId = await paper.insertPosition(tx, account.id, position);
      await paper.bookAccountDelta(tx, account.id, { realizedMicro: 0, feesMicro: 13_517, fundingMicro: 0 });
      await paper.advanceAccountMarks(tx, account.id, { peakEquityMicro: 10_000_000_001, dayStartEquityMicro: 9_999_986_483, dayStartMs: T });
      return { orderId, positionId };
    });
    expect(await t.db.paperOrder.findUniqueOrThrow({ where: { id: orderId } })).toEqual({
      id: orderId, accountId: account.id, decisionRunId: null, clientKey: "k:open", asset: "BTC", side: "buy", purpose: "OPEN", sizeBase: fill.sizeBase,
      reduceOnly: false, status: "FILLED", reason: null, createdAtMs: BigInt(T),
    });
    expect(await paper.recentFills(t.db, account.id)).toEqual([
      { id: expect.stringMatching(/^c[0-9a-z]{24}$/), asset: "BTC", side: "buy", price: fill.price, sizeBase: fill.sizeBase, notionalMicro: fill.notionalMicro, feeMicro: fill.feeMicro, time: T, purpose: "OPEN" },
    ]);
    expect(await t.db.paperFill.findFirstOrThrow({ where: { orderId } })).toMatchObject({ slippageBps: fill.slippageBps });
    expect(await paper.openPositions(t.db, account.id)).toEqual([{ id: positionId, position }]);
    expect(await paper.findAccount(t.db, account.id)).toEqual({ ...account, feesMicro: 13_517, peakEquityMicro: 10_000_000_001, dayStartEquityMicro: 9_999_986_483, dayStartMs: T });
  });

  it("book deltas as increments and move the account's marks forward only: a stale writer adds, never overwrites", async () => {
    const before = (await paper.findAccount(t.db, account.id))!;
    // two writers that read the same totals each book their own delta: both count
    await paper.bookAccountDelta(t.db, account.id, { realizedMicro: 5, feesMicro: 2, fundingMicro: -3 });
    await paper.bookAccountDelta(t.db, account.id, { realizedMicro: -1, feesMicro: 1, fundingMicro: 7 });
    // an older peak and an older day do not move the marks back
    await paper.advanceAccountMarks(t.db, account.id, { peakEquityMicro: 1, dayStartEquityMicro: 42, dayStartMs: T - 86_400_000 });
    expect(await paper.findAccount(t.db, account.id)).toEqual({ ...before, realizedMicro: before.realizedMicro + 4, feesMicro: before.feesMicro + 3, fundingMicro: before.fundingMicro + 4 });
    await paper.advanceAccountMarks(t.db, account.id, { peakEquityMicro: 10_000_000_002, dayStartEquityMicro: 42, dayStartMs: T + 86_400_000 });
    expect(await paper.findAccount(t.db, account.id)).toMatchObject({ peakEquityMicro: 10_000_000_002, dayStartEquityMicro: 42, dayStartMs: T + 86_400_000 });
  });

  it("update a position and store a rejected order (reduce-only, with its reason)", async () => {
    const [stored] = await paper.openPositions(t.db, account.id);
    const closed: Position = { ...position, state: "CLOSED", exitReason: "CLOSE_SIGNAL", exitPrice: 1 / 7, closedAt: T + 60_000, updatedAt: T + 60_000, stopLoss: undefined };
    await paper.savePosition(t.db, stored!.id, closed, stored!.position);
    expect(await paper.closedPositions(t.db, account.id)).toEqual([{ id: stored!.id, position: closed }]);
    // a second save from the same (now stale) read is refused: a position is never closed twice
    await expect(paper.savePosition(t.db, stored!.id, closed, stored!.position)).rejects.toMatchObject({ code: "CONFLICT" });
    const { id } = await paper.insertRejectedOrder(t.db, { accountId: account.id, decisionRunId: null, clientKey: "k:close", asset: "BTC", side: "sell", purpose: "CLOSE_SIGNAL", sizeBase: 0.3, reason: "no position", timeMs: T });
    expect(await t.db.paperOrder.findUniqueOrThrow({ where: { id } })).toMatchObject({ reduceOnly: true, status: "REJECTED", reason: "no position", sizeBase: 0.3 });
  });
});
