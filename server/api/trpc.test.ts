/** The procedures' guards and the error formatter, through a real caller on a real database. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { signUp } from "@/server/services/users/sign-up";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { appRouter, createCaller } from "./root";
import type { Context } from "./trpc";

let t: TestDb;
let userId: string;
let adminId: string;
beforeAll(async () => {
  t = await createTestDb();
  userId = (await signUp(t.db, { name: "User", email: "user@example.test", password: "long-enough" }, [])).id;
  adminId = (await signUp(t.db, { name: "Admin", email: "admin@example.test", password: "long-enough" }, ["admin@example.test"])).id;
});
afterAll(async () => t.cleanup());

const as = (sessionUserId: string | null) => createCaller({ db: t.db, sessionUserId } satisfies Context);
const grant = (over: Record<string, unknown> = {}) => ({
  email: "user@example.test",
  amount: "10",
  reason: "testing",
  requestId: randomUUID(),
  ...over,
});

describe("procedures", () => {
  it("protected procedures refuse signed-out callers and unknown session users", async () => {
    await expect(as(null).wallet.get({ page: 1 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(as("deleted-user").wallet.get({ page: 1 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(as(userId).wallet.get({ page: 1 })).resolves.toMatchObject({ balanceCents: 100_000 });
  });

  it("admin procedures refuse non-admins with FORBIDDEN", async () => {
    await expect(as(userId).admin.grantCredits(grant())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(userId).admin.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(adminId).admin.grantCredits(grant())).resolves.toMatchObject({ replayed: false });
  });
});

describe("error formatter", () => {
  // The formatter runs where errors leave the server; the caller gives us the same shape via getErrorShape.
  async function shapeOf(promise: Promise<unknown>) {
    const error = await promise.then(
      () => {
        throw new Error("expected a failure");
      },
      (e: unknown) => e,
    );
    return getErrorShape({
      config: appRouter._def._config,
      error: error as never,
      type: "mutation",
      path: "admin.grantCredits",
      input: undefined,
      ctx: undefined,
    });
  }

  it("zod input errors become field paths with their messages", async () => {
    const shape = await shapeOf(as(adminId).admin.grantCredits(grant({ amount: "-5", email: "nope" })));
    expect(shape.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { email: ["Enter a valid email address"], amount: ["Amount must be positive"] },
    });
    expect(shape.message).toBe("Enter a valid email address");
  });

  it("DomainErrors keep their code and field", async () => {
    const shape = await shapeOf(as(adminId).admin.grantCredits(grant({ email: "ghost@example.test" })));
    expect(shape.data).toMatchObject({ code: "NOT_FOUND", domainCode: "NOT_FOUND", fieldErrors: { email: ["No user has this email"] } });
    expect(shape.message).toBe("No user has this email");

    const dup = await shapeOf(as(null).auth.signUp({ name: "Again", email: "user@example.test", password: "long-enough" }));
    expect(dup.data).toMatchObject({ code: "CONFLICT", domainCode: "CONFLICT", fieldErrors: { email: ["An account with this email already exists"] } });
  });
});
