import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT, runSettlePreview, USAGE } from "./preview-cli";

const RACE = {
  entrants: [
    { cloneId: "a", creatorId: "u1", finalEquityCents: 1_012_345 },
    { cloneId: "b", creatorId: "u2", finalEquityCents: 1_000_000 },
    { cloneId: "c", creatorId: "u1", finalEquityCents: 990_000 },
  ],
  tickets: [
    { ticketId: "t1", cloneId: "a", userId: "u9", stakeCents: 500 },
    { ticketId: "t2", cloneId: "b", userId: "u8", stakeCents: 1_500 },
    { ticketId: "t3", cloneId: "c", userId: "u9", stakeCents: 1_000 },
  ],
  placeShares: [60, 25, 15],
};
// G 3000, rake = CP = 150, D 2700; 2 paid places (60, 25): a 2700·60/85 = 1905.88, b 2700·25/85 = 794.12;
// creators u1 150·1500/3000 = 75, u2 75
const RESULT = {
  grossCents: 3000,
  rakeCents: 150,
  creatorPoolCents: 150,
  distributionCents: 2700,
  breakageCents: 1,
  refund: false,
  ranking: [{ cloneId: "a", place: 1 }, { cloneId: "b", place: 2 }, { cloneId: "c", place: 3 }],
  ticketPayouts: [{ ticketId: "t1", payoutCents: 1905 }, { ticketId: "t2", payoutCents: 794 }, { ticketId: "t3", payoutCents: 0 }],
  creatorPayouts: [{ creatorId: "u1", payoutCents: 75 }, { creatorId: "u2", payoutCents: 75 }],
};

function fakeIo(files: Record<string, string> = {}, stdin = "") {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      readStdin: async () => stdin,
      readFile: async (p: string) => {
        if (!(p in files)) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
        return files[p]!;
      },
    },
  };
}

async function run(argv: string[], files?: Record<string, string>, stdin?: string) {
  const { io, out } = fakeIo(files, stdin);
  const code = await runSettlePreview(argv, io);
  return { code, ...out };
}

describe("runSettlePreview", () => {
  it("settles one race from a file into one object, keys in the documented order", async () => {
    const r = await run(["race.json"], { "race.json": JSON.stringify(RACE) });
    expect(r).toMatchObject({ code: EXIT.ok, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual(RESULT);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(Object.keys(RESULT));
    expect(r.stdout.endsWith("}\n")).toBe(true);
  });

  it("settles an array from stdin into an array, in order", async () => {
    const noTickets = { ...RACE, tickets: [] };
    const r = await run(["-"], {}, JSON.stringify([RACE, noTickets]));
    expect(r.code).toBe(EXIT.ok);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual(RESULT);
    expect(out[1]).toMatchObject({ grossCents: 0, refund: true, ticketPayouts: [] });
    expect((await run(["-"], {}, "[]")).stdout).toBe("[]\n");
  });

  it("accepts a file with a byte-order mark", async () => {
    expect((await run(["-"], {}, `\uFEFF${JSON.stringify(RACE)}`)).code).toBe(EXIT.ok);
  });

  it.each<[string, string[], Record<string, string>, string | undefined, string]>([
    ["no argument", [], {}, undefined, "missing FILE"],
    ["two arguments", ["a.json", "b.json"], {}, undefined, "expected one FILE, got 2 arguments"],
    ["an unknown option", ["--json"], {}, undefined, "unknown option --json"],
    ["an unreadable file", ["nope.json"], {}, undefined, "cannot read nope.json: ENOENT"],
    ["bad JSON in a file", ["bad.json"], { "bad.json": "{entrants" }, undefined, "bad.json is not valid JSON"],
    ["empty stdin", ["-"], {}, "", "stdin is not valid JSON"],
    ["a race that is not an object", ["-"], {}, "42", "settle:preview: a race must be an object"],
    ["an invalid race", ["-"], {}, JSON.stringify({ ...RACE, tickets: [{ ...RACE.tickets[0], stakeCents: 0 }] }), "settle:preview: tickets[0].stakeCents: must be a positive whole number of cents, got 0\n"],
    ["an invalid race in an array", ["-"], {}, JSON.stringify([RACE, RACE, { ...RACE, tickets: [{ ...RACE.tickets[0], cloneId: "zz" }] }]), 'settle:preview: race 2: tickets[0].cloneId: "zz" is not an entrant\n'],
  ])("%s exits 2 with a message and prints nothing on stdout", async (_name, argv, files, stdin, message) => {
    const r = await run(argv, files, stdin);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
  });

  it("names every invalid race of an array", async () => {
    const r = await run(["-"], {}, JSON.stringify([{ ...RACE, placeShares: [] }, RACE, { ...RACE, entrants: [RACE.entrants[0]], tickets: [] }]));
    expect(r.stderr.trim().split("\n")).toEqual([
      "settle:preview: race 0: placeShares: must be a non-empty array of whole numbers ≥ 0 (1st, 2nd, …), got []",
      "settle:preview: race 2: entrants: a race needs at least 2 entrants, got 1",
    ]);
  });

  it("says when it stops listing problems", async () => {
    const tickets = Array.from({ length: 150 }, (_, i) => ({ ...RACE.tickets[0], ticketId: `t${i}`, stakeCents: -1 }));
    const lines = (await run(["-"], {}, JSON.stringify({ ...RACE, tickets }))).stderr.trim().split("\n");
    expect(lines).toHaveLength(101);
    expect(lines.at(-1)).toBe("settle:preview: (only the first 100 problems are listed)");
  });

  it("prints the usage on --help", async () => {
    expect(await run(["--help"])).toEqual({ code: EXIT.ok, stdout: USAGE, stderr: "" });
  });
});

describe("npm run --silent settle:preview", () => {
  const repo = path.resolve(import.meta.dirname, "../../..");
  const npm = (input: string) => spawnSync("npm", ["run", "--silent", "settle:preview", "--", "-"], { cwd: repo, input, encoding: "utf8", timeout: 60_000 });

  it("prints the JSON result alone on stdout", () => {
    const r = npm(JSON.stringify([RACE]));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([RESULT]);
  });

  it("exits non-zero with a message for bad input", () => {
    const r = npm('{"entrants": [');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("settle:preview: stdin is not valid JSON");
  });
});
