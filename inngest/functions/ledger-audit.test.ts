import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signupGrantPosting } from "@/lib/domain/ledger/rules";
import { postLedger } from "@/server/services/ledger/post-ledger";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createLedgerAuditFunction } from "./ledger-audit";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

describe("ledger-audit Inngest function", () => {
  it("runs the audit in a step and records a consistent result", async () => {
    const user = await t.db.user.create({ data: { email: "a@test.local", name: "A", passwordHash: "x" } });
    await postLedger(t.db, { posting: signupGrantPosting(user.id), idempotencyKey: `signup-grant:${user.id}` });

    const engine = new InngestTestEngine({
      function: createLedgerAuditFunction(() => t.db),
      events: [{ name: "ledger/audit.requested", data: { reason: "test" } }],
    });
    const { result, ctx } = await engine.execute();

    expect(ctx.step.run).toHaveBeenCalledWith("audit-ledger", expect.any(Function));
    expect(result).toMatchObject({ ok: true, entriesSumCents: 0, accountsChecked: 2, transactions: 1, problems: [] });
    const rows = await t.db.ledgerAudit.findMany();
    expect(rows.map((r) => r.ok)).toEqual([true]);
  });

  it("reports a broken invariant instead of hiding it", async () => {
    // Corrupt a stored balance behind the ledger's back: the audit must catch it.
    await t.db.ledgerAccount.updateMany({ where: { kind: "USER_WALLET" }, data: { balanceCents: { increment: 1n } } });
    const engine = new InngestTestEngine({
      function: createLedgerAuditFunction(() => t.db),
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
    });
    const { result } = await engine.execute();
    expect(result).toMatchObject({ ok: false, problems: [expect.objectContaining({ problem: "BALANCE_MISMATCH" })] });
  });

  it("refuses a request event whose payload does not match its schema", async () => {
    const before = await t.db.ledgerAudit.count();
    const engine = new InngestTestEngine({
      function: createLedgerAuditFunction(() => t.db),
      events: [{ name: "ledger/audit.requested", data: { reason: 42 } }],
    });
    const { error } = await engine.execute();
    expect(error).toMatchObject({ name: "EventValidationError", message: expect.stringContaining("reason") });
    expect(await t.db.ledgerAudit.count()).toBe(before);
  });
});
