import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templateGraph } from "@/lib/domain/graph/templates";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { createCaller } from "@/server/api/root";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { appRouter } from "@/server/api/root";
import { signUp } from "../users/sign-up";
import { createClone, createCloneFromTemplate, getClone, listMyClones, updateClone } from "./clones";

let t: TestDb;
let alice: string;
let bob: string;
beforeAll(async () => {
  t = await createTestDb();
  alice = (await signUp(t.db, { name: "Alice", email: "alice@example.test", password: "long-enough" }, [])).id;
  bob = (await signUp(t.db, { name: "Bob", email: "bob@example.test", password: "long-enough" }, [])).id;
});
afterAll(async () => t.cleanup());

const counts = async () => [await t.db.clone.count(), await t.db.cloneVersion.count()];
const withLeverage = (leverage: number) => {
  const g = templateGraph("momentum", { name: "Momentum Mo" });
  return { ...g, blocks: g.blocks.map((b) => (b.type === "trading-prompt" ? { ...b, risk: { ...b.risk, maxLeverage: leverage } } : b)) };
};

describe("clones", () => {
  it("creates a clone from a template as version 1, readable by its creator only", async () => {
    const { id, version } = await createCloneFromTemplate(t.db, { ownerId: alice, templateId: "mean-reversion", name: "Revert Rita" });
    expect(version).toBe(1);
    const view = await getClone(t.db, { viewerId: alice, cloneId: id });
    expect(view).toMatchObject({ id, ownerId: alice, name: "Revert Rita", version: 1, versions: [{ version: 1 }] });
    expect(view.graph).toEqual(templateGraph("mean-reversion", { name: "Revert Rita" }));
    await expect(getClone(t.db, { viewerId: bob, cloneId: id })).rejects.toMatchObject({ code: "NOT_FOUND", field: "cloneId" });
  });

  it("refuses an invalid graph, naming the block and field, and writes nothing", async () => {
    const before = await counts();
    await expect(createClone(t.db, { ownerId: alice, graph: withLeverage(500) })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      errors: [expect.objectContaining({ blockId: "prompt-1", blockType: "trading-prompt", field: "risk.maxLeverage" })],
    });
    await expect(createClone(t.db, { ownerId: alice, graph: "not a graph" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await counts()).toEqual(before);
  });

  it("every save is a new immutable version; only the creator saves", async () => {
    const { id } = await createClone(t.db, { ownerId: alice, graph: withLeverage(2) });
    const saved = await updateClone(t.db, { actorId: alice, cloneId: id, graph: withLeverage(3) });
    expect(saved).toEqual({ id, version: 2 });
    const v1 = await getClone(t.db, { viewerId: alice, cloneId: id, version: 1 });
    const v2 = await getClone(t.db, { viewerId: alice, cloneId: id });
    const leverage = (g: typeof v1.graph) => g.blocks.flatMap((b) => (b.type === "trading-prompt" ? [b.risk.maxLeverage] : []));
    expect([leverage(v1.graph), leverage(v2.graph), v2.version]).toEqual([[2], [3], 2]);
    expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);

    const before = await counts();
    await expect(updateClone(t.db, { actorId: bob, cloneId: id, graph: withLeverage(4) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a save based on a stale version is refused rather than silently overwriting
    await expect(updateClone(t.db, { actorId: alice, cloneId: id, graph: withLeverage(4), expectedVersion: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts()).toEqual(before);
  });

  it("lists my clones only", async () => {
    await createCloneFromTemplate(t.db, { ownerId: bob, templateId: "volume-spike" });
    expect((await listMyClones(t.db, bob)).map((c) => c.name)).toEqual([templateGraph("volume-spike").blocks.find((b) => b.type === "trading-clone")!.name]);
  });

  it("through tRPC, every graph error reaches the form as a field path", async () => {
    const caller = createCaller({ db: t.db, sessionUserId: alice });
    const error = await caller.clones.create({ graph: withLeverage(500) }).then(
      () => null,
      (e: unknown) => e,
    );
    const shape = getErrorShape({ config: appRouter._def._config, error: error as never, type: "mutation", path: "clones.create", input: undefined, ctx: undefined });
    const promptIndex = withLeverage(500).blocks.findIndex((b) => b.type === "trading-prompt");
    expect(shape.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { [`graph.blocks.${promptIndex}.risk.maxLeverage`]: ["Max leverage must be at most 50"] },
    });
    await expect(createCaller({ db: t.db, sessionUserId: null }).clones.listMine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await caller.clones.templates()).map((s) => s.id)).toEqual(["momentum", "mean-reversion", "volume-spike", "funding-carry", "llm-discretionary"]);
  });
});
