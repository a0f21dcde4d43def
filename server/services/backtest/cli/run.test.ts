/** `npm run backtest` in-process, against a real database, reading what an operator would see. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "@/lib/domain/clock";
import { createTestDb, type TestDb } from "@/server/testing/test-db";
import { syncReplay } from "../../market/sync/replay";
import { runBacktestCli } from "./run";

const S0 = Date.UTC(2026, 6, 21, 18, 0);
let t: TestDb;
const iso = (ms: number) => new Date(ms).toISOString();
const window = ["--from", iso(S0 - 4 * 3_600_000), "--to", iso(S0)];

function io() {
  const out = { text: "", write: (s: string) => (out.text += s), isTTY: false };
  const err = { text: "", write: (s: string) => (err.text += s), isTTY: false };
  return { out, err };
}
const run = async (argv: string[]) => {
  const { out, err } = io();
  const code = await runBacktestCli(argv, { db: t.db, clock: new ManualClock(S0 + 60_000), stdout: out, stderr: err });
  return { code, stdout: out.text, stderr: err.text };
};

beforeAll(async () => {
  t = await createTestDb();
  await syncReplay(t.db, new ManualClock(S0), { seed: "backtest-cli", symbols: ["BTC"] });
});
afterAll(async () => t.cleanup());

describe("npm run backtest", () => {
  it("--json prints the stored result alone on stdout; progress goes to stderr", async () => {
    const { code, stdout, stderr } = await run(["--template", "volume-spike", "--asset", "BTC", ...window, "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ asset: "BTC", strategy: "volume-spike", cadence: "1m", minutes: 240, metrics: { returnPeriod: "1h" }, timings: { loadMs: expect.any(Number) } });
    expect(await t.db.backtestRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({ status: "DONE", templateId: "volume-spike", progress: 1 });
    expect(stderr).toMatch(/backtest BTC \S+ 100% · /);
  });

  it("the report names the window, the decisions and every metric", async () => {
    const { code, stdout } = await run(["--template", "momentum", "--asset", "BTC", ...window]);
    expect(code).toBe(0);
    for (const label of ["window", "decisions", "return", "buy and hold", "sharpe", "sortino", "max drawdown", "win rate", "profit factor", "exposure"]) expect(stdout).toContain(label);
  });

  it.each([
    { argv: ["--template", "momentum", "--asset", "BTC", "--from", "2026-05-01", "--to", "2026-05-02"], message: /^backtest: --from: market memory has no BTC minutes between 2026-05-01T00:00:00.000Z and 2026-05-02T00:00:00.000Z: backfill them first/ },
    { argv: ["--clone", "missing", "--asset", "BTC", ...window], message: /^backtest: --clone: no clone has the id missing;/ },
    { argv: ["--template", "momentum", "--asset", "btc!", ...window], message: /^backtest: --asset "btc!": / },
    { argv: ["--template", "momentum", "--asset", "BTC", "--from", iso(S0), "--to", iso(S0 + 3_600_000)], message: /^backtest: --to: to .* is in the future/ },
    { argv: ["--template", "momentum", "--asset", "BTC"], message: /^backtest: --from is required; see `npm run backtest -- --help`/ },
  ])("exits 2 naming the argument: $message", async ({ argv, message }) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });
});
