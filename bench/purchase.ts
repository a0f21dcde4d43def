/**
 * Ticket purchases over HTTP on loopback, as the browser makes them: the tRPC
 * mutation `arena.buyTicket` (httpBatchLink's POST, superjson) with an Auth.js
 * session cookie, against a production server (`next start`) of this checkout's
 * build on its own temp database. A load generator in this process keeps C
 * requests in flight (keep-alive sockets) for a fixed number of requests per
 * level and measures throughput and latency percentiles. Goal: ≥ 1,000 purchases
 * a second at p99 ≤ 50 ms.
 *
 * Baselines in the same run, through the same load generator and server:
 * `GET /api/health/live` (Next's floor: a route handler that does nothing but
 * answer), `GET /api/health` (a route handler with a few small reads) and the
 * authenticated tRPC query `arena.myTickets` (session, user lookup, reads).
 * Afterwards: every 2xx purchase is a ticket row, the race's pool, the entrants'
 * stakes and the escrow equal the tickets' stakes, the ledger audit passes.
 *
 * Usage: npm run bench -- purchase [requests per level = 5000] [levels = 16,32,64] [--cpu-prof=DIR] [--only=live,purchase,health,myTickets]
 * (--cpu-prof: the server runs with node --cpu-prof, the profile written to DIR when it stops;
 * --only: those targets alone, e.g. to profile purchases without the baselines)
 * Needs a production build (`npx next build`); waits for a `next build` already running.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fmt, printTable, type Benchmark } from "./harness";

const GOAL = { perSecond: 1_000, p99Ms: 50 } as const;
const USERS = 50;
const PASSWORD = "bench purchase password";
const STAKE = "1"; // credits, as the buy box sends them
const GRANT_CENTS = 100_000 * 100;
const HOST = "127.0.0.1";

interface Target {
  name: string;
  method: "GET" | "POST";
  /** path, headers and body of request i */
  request(i: number): { path: string; headers: Record<string, string>; body?: string };
  /** called with each 2xx body (to keep what the checks need) */
  onOk?(i: number, body: string): void;
}

interface LevelResult {
  target: string;
  concurrency: number;
  requests: number;
  ms: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  errorsByStatus: Record<string, number>;
  /** server process CPU per request (user + system), when /proc is there */
  serverCpuMsPerRequest: number | null;
  /** this process's CPU per request: the load generator's own cost */
  clientCpuMsPerRequest: number;
  /** purchases: how many shared each commit, on average (the group commit's groups) */
  purchasesPerCommit?: number;
  loadAvg1m: number;
}

export const purchaseBenchmark: Benchmark = {
  name: "purchase",
  description: "HTTP ticket purchases (tRPC arena.buyTicket on next start) per second and p50/p99, vs GET /api/health",
  async run(args) {
    const flags = args.filter((a) => a.startsWith("--"));
    const positional = args.filter((a) => !a.startsWith("--"));
    const requests = Number(positional[0] ?? 5_000);
    const levels = (positional[1] ?? "16,32,64").split(",").map(Number);
    const cpuProfDir = flags.find((f) => f.startsWith("--cpu-prof="))?.slice("--cpu-prof=".length);
    // --only=purchase (for a profile of purchases alone): the baselines are skipped, so no ratios
    const only = flags.find((f) => f.startsWith("--only="))?.slice("--only=".length).split(",");
    if (!(requests > 0) || levels.some((c) => !(c > 0))) throw new Error("usage: npm run bench -- purchase [requests per level] [levels, e.g. 16,32,64] [--cpu-prof=DIR]");

    await waitForOtherBuilds();
    if (!fs.existsSync(path.resolve(".next/BUILD_ID"))) {
      throw new Error("No production build here (.next/BUILD_ID is missing): run `npx next build` first, then this benchmark again.");
    }

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-bench-purchase-"));
    const port = await freePort(3400);
    const base = `http://${HOST}:${port}`;
    Object.assign(process.env, {
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "clash.db")}`,
      SCHEDULER: "off",
      DEMO_SEED: "true",
      ADMIN_EMAILS: "",
      MARKET_SOURCE: "replay",
    });
    delete process.env.DATABASE_AUTH_TOKEN;
    const { resetEnvCache } = await import("@/lib/env");
    resetEnvCache();

    let server: ChildProcess | null = null;
    const logFile = path.join(dataDir, "server.log");
    const { createDb } = await import("@/server/db");
    const db = createDb({ url: process.env.DATABASE_URL! });
    try {
      // ---- the database: demo users and Arena, an open race with hours to go, 50 funded buyers
      const setup = await setUp(db);
      console.log(`Race #${setup.raceNumber} open for ${setup.accumulateHours} h with ${setup.cloneIds.length} entrants; ${USERS} buyers with ${fmt(GRANT_CENTS / 100 + 1_000, 0)} credits each.`);

      // ---- the server
      const log = fs.openSync(logFile, "a");
      // node's own flags (--cpu-prof is not allowed in NODE_OPTIONS), then Next's CLI
      const nodeFlags = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpuProfDir)}`] : [];
      server = spawn(process.execPath, [...nodeFlags, fs.realpathSync("node_modules/.bin/next"), "start", "-H", HOST, "-p", String(port)], {
        stdio: ["ignore", log, log],
        env: { ...process.env, NODE_ENV: "production" },
        detached: true,
      });
      await waitForHealth(base, server, logFile);
      const serverPid = serverPidOf(server.pid!);
      console.log(`next start on ${base} (pid ${serverPid}), data in ${dataDir}${cpuProfDir ? `, CPU profile to ${cpuProfDir}` : ""}\n`);

      // ---- sign the buyers in over HTTP, as the sign-in form does
      const cookies: string[] = [];
      for (const email of setup.emails) cookies.push(await signIn(base, email));

      const tickets = new Set<string>();
      let keySeq = 0;
      // the level in each key, to count afterwards how many purchases each commit carried
      let keyLevel = "warm";
      const purchase: Target = {
        name: "purchase (arena.buyTicket)",
        method: "POST",
        request(i) {
          const clientKey = `bench-${keyLevel}-${keySeq++}`;
          const input = { raceId: setup.raceId, cloneId: setup.cloneIds[i % setup.cloneIds.length]!, amount: STAKE, clientKey };
          return {
            path: "/api/trpc/arena.buyTicket?batch=1",
            headers: { cookie: cookies[i % USERS]!, "content-type": "application/json", "trpc-accept": "application/json" },
            body: JSON.stringify({ 0: { json: input } }),
          };
        },
        onOk(_i, body) {
          const data = (JSON.parse(body) as { result: { data: { json: { ticketId: string; replayed: boolean } } } }[])[0]!.result.data.json;
          if (data.replayed) throw new Error("a fresh key was answered as a replay");
          tickets.add(data.ticketId);
        },
      };
      const live: Target = { name: "GET /api/health/live", method: "GET", request: () => ({ path: "/api/health/live", headers: {} }) };
      const health: Target = { name: "GET /api/health", method: "GET", request: () => ({ path: "/api/health", headers: {} }) };
      const myTickets: Target = {
        name: "query (arena.myTickets)",
        method: "GET",
        request: (i) => ({
          path: `/api/trpc/arena.myTickets?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: { page: 1 } } }))}`,
          headers: { cookie: cookies[i % USERS]! },
        }),
      };

      // warm-up: the JIT, Next's first loads of each route, the connection pools
      const targets = Object.entries({ live, health, purchase, myTickets }).filter(([k]) => !only || only.includes(k)).map(([, t]) => t);
      for (const t of targets) await load(port, t, Math.min(16, levels[0]!), Math.min(1_000, requests), serverPid);

      const results: LevelResult[] = [];
      for (const c of levels) {
        keyLevel = `c${c}`;
        for (const t of targets) {
          const r = await load(port, t, c, requests, serverPid);
          if (t === purchase) r.purchasesPerCommit = await purchasesPerCommit(db, `bench-c${c}-`);
          results.push(r);
          console.log(`  ${r.target.padEnd(26)} C=${String(c).padStart(3)}  ${fmt(r.perSecond, 0).padStart(6)}/s  p50 ${fmt(r.p50Ms)} ms  p99 ${fmt(r.p99Ms)} ms  errors ${r.errors}`);
        }
      }
      console.log("");

      // ---- correctness after the load
      const check = await checkPurchases(db, setup.raceId, tickets);

      printTable(results.map((r) => ({
        target: r.target, C: r.concurrency, requests: r.requests, "per second": fmt(r.perSecond, 0),
        "p50 ms": fmt(r.p50Ms), "p90 ms": fmt(r.p90Ms), "p99 ms": fmt(r.p99Ms), "max ms": fmt(r.maxMs),
        errors: r.errors ? Object.entries(r.errorsByStatus).map(([s, n]) => `${n}×${s}`).join(" ") : "0",
        "server CPU ms/req": r.serverCpuMsPerRequest === null ? "-" : fmt(r.serverCpuMsPerRequest, 2),
        "client CPU ms/req": fmt(r.clientCpuMsPerRequest, 2),
        "per commit": r.purchasesPerCommit === undefined ? "-" : fmt(r.purchasesPerCommit, 1),
        load: fmt(r.loadAvg1m, 2),
      })));
      const purchases = results.filter((r) => r.target === purchase.name);
      const ratioOf = (r: LevelResult, base: string) => {
        const b = results.find((x) => x.target === base && x.concurrency === r.concurrency);
        return b ? r.perSecond / b.perSecond : NaN;
      };
      console.log("");
      for (const r of purchases) {
        console.log(`C=${r.concurrency}: purchases at ${fmt(ratioOf(r, live.name), 2)}× the rate of an empty route handler (GET /api/health/live), ${fmt(ratioOf(r, health.name), 2)}× that of GET /api/health and ${fmt(ratioOf(r, myTickets.name), 2)}× that of arena.myTickets.`);
      }
      const best = purchases.filter((r) => r.p99Ms <= GOAL.p99Ms).sort((a, b) => b.perSecond - a.perSecond)[0];
      const goalMet = purchases.some((r) => r.perSecond >= GOAL.perSecond && r.p99Ms <= GOAL.p99Ms && r.errors === 0);
      console.log(
        `Goal ≥ ${fmt(GOAL.perSecond, 0)}/s at p99 ≤ ${GOAL.p99Ms} ms: ${goalMet ? "met" : "NOT met"}` +
          (best ? ` (best within the p99 bound: ${fmt(best.perSecond, 0)}/s at C=${best.concurrency})` : " (no level within the p99 bound)") +
          `. ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => fmt(l, 2)).join(" ")}.`,
      );
      console.log(`Checks: ${check.tickets} tickets = ${check.okResponses} purchases answered 2xx; pool ${fmt(check.poolCents / 100, 0)} credits = tickets' stakes = entrants' stakes = escrow; ledger audit ${check.auditOk ? "consistent" : "BROKEN"}.`);

      const strip = (r: LevelResult) => ({
        concurrency: r.concurrency, requests: r.requests, perSecond: Math.round(r.perSecond), p50Ms: round1(r.p50Ms), p90Ms: round1(r.p90Ms), p99Ms: round1(r.p99Ms),
        maxMs: round1(r.maxMs), errors: r.errors, errorsByStatus: r.errorsByStatus,
        serverCpuMsPerRequest: r.serverCpuMsPerRequest === null ? null : round2(r.serverCpuMsPerRequest), clientCpuMsPerRequest: round2(r.clientCpuMsPerRequest), loadAvg1m: round2(r.loadAvg1m),
        ...(r.purchasesPerCommit === undefined ? {} : { purchasesPerCommit: round1(r.purchasesPerCommit) }),
      });
      return {
        benchmark: "purchase",
        levels: purchases.map((r) => ({ ...strip(r), liveRatio: Number(ratioOf(r, live.name).toFixed(3)), healthRatio: Number(ratioOf(r, health.name).toFixed(3)), myTicketsRatio: Number(ratioOf(r, myTickets.name).toFixed(3)) })),
        baseline: {
          live: results.filter((r) => r.target === live.name).map(strip),
          health: results.filter((r) => r.target === health.name).map(strip),
          myTickets: results.filter((r) => r.target === myTickets.name).map(strip),
        },
        checks: check,
        goal: GOAL,
        goalMet,
        cpus: os.cpus().length,
        loadAvg: os.loadavg().map(round2),
      };
    } catch (e) {
      if (fs.existsSync(logFile)) console.error(`--- server log (last lines of ${logFile}) ---\n${fs.readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n")}`);
      throw e;
    } finally {
      if (server) await stopServer(server);
      await db.$disconnect();
      if (!cpuProfDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------- set-up

async function setUp(db: import("@/server/db").PrismaClient) {
  const { migrate } = await import("@/server/db/migrate");
  const { ensureDemoUsers } = await import("@/server/services/users/demo-users");
  const { ensureDemoArena } = await import("@/server/services/arena/demo-arena");
  const { setArenaSchedule } = await import("@/server/services/arena/settings");
  const { openNextRace } = await import("@/server/services/arena/lifecycle");
  const { signUp } = await import("@/server/services/users/sign-up");
  const { postLedger } = await import("@/server/services/ledger/post-ledger");
  const { adminGrantPosting } = await import("@/lib/domain/ledger/rules");
  const arena = await import("@/server/repositories/arena");

  await migrate({ url: process.env.DATABASE_URL! });
  await ensureDemoUsers(db);
  await ensureDemoArena(db);
  const admin = (await db.user.findUniqueOrThrow({ where: { email: "admin@clash.local" } })).id;
  // a week of accumulation in real time: the race stays open whatever the bench's length
  const accumulateMinutes = 7 * 24 * 60;
  await setArenaSchedule(db, { accumulateMinutes, liveMinutes: 60, timeScale: 1 }, { actor: { userId: admin, label: "admin@clash.local" }, reason: "schedule for this run" });
  const raceId = await openNextRace(db, Date.now());
  if (!raceId) throw new Error("could not open a race");
  const race = (await arena.findRace(db, raceId))!;
  const cloneIds = (await arena.raceEntrants(db, raceId)).map((e) => e.cloneId);
  if (!cloneIds.length) throw new Error("the race has no entrants (the demo Arena is empty)");

  const emails: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const email = `buyer${i}@bench.test`;
    const user = await signUp(db, { name: `Bench Buyer ${i}`, email, password: PASSWORD }, []);
    await postLedger(db, { posting: adminGrantPosting(user.id, GRANT_CENTS, "purchase benchmark funding"), idempotencyKey: `bench-grant:${user.id}`, actorId: admin });
    emails.push(email);
  }
  return { raceId, raceNumber: race.number, cloneIds, emails, accumulateHours: accumulateMinutes / 60 };
}

/** Purchases per commit for the keys with this prefix: a group's ledger transactions share one timestamp. */
async function purchasesPerCommit(db: import("@/server/db").PrismaClient, keyPrefix: string): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ purchases: number | bigint; commits: number | bigint }[]>(
    `SELECT count(*) AS "purchases", count(DISTINCT lt."createdAt") AS "commits" FROM "Ticket" t JOIN "LedgerTransaction" lt ON lt."id" = t."transactionId" WHERE t."clientKey" LIKE ?`,
    `${keyPrefix}%`,
  );
  return Number(row?.purchases ?? 0) / Math.max(1, Number(row?.commits ?? 0));
}

async function checkPurchases(db: import("@/server/db").PrismaClient, raceId: string, answered: Set<string>) {
  const arena = await import("@/server/repositories/arena");
  const { runLedgerAudit } = await import("@/server/services/ledger/run-ledger-audit");
  const rows = await db.ticket.findMany({ where: { raceId }, select: { id: true, stakeCents: true } });
  const problems: string[] = [];
  const ids = new Set(rows.map((r) => r.id));
  const missing = [...answered].filter((id) => !ids.has(id));
  if (missing.length) problems.push(`${missing.length} purchases answered 2xx have no ticket row`);
  if (rows.length !== answered.size) problems.push(`${rows.length} ticket rows for ${answered.size} purchases answered 2xx`);
  const stakes = rows.reduce((a, r) => a + Number(r.stakeCents), 0);
  const race = (await arena.findRace(db, raceId))!;
  if (race.poolCents !== stakes || race.ticketCount !== rows.length) problems.push(`race pool ${race.poolCents} / ${race.ticketCount} tickets vs stakes ${stakes} / ${rows.length}`);
  const entrants = (await arena.raceEntrants(db, raceId)).reduce((a, e) => a + e.stakeCents, 0);
  if (entrants !== stakes) problems.push(`entrants' stakes ${entrants} vs tickets' ${stakes}`);
  const escrow = await db.ledgerAccount.findUnique({ where: { code: `escrow:${raceId}` } });
  if (Number(escrow?.balanceCents ?? 0) !== stakes) problems.push(`escrow ${escrow?.balanceCents} vs stakes ${stakes}`);
  const audit = await runLedgerAudit(db);
  if (!audit.ok) problems.push(`ledger audit: ${JSON.stringify(audit.problems)}`);
  if (problems.length) throw new Error(`purchases inconsistent after the load:\n  ${problems.join("\n  ")}`);
  return { tickets: rows.length, okResponses: answered.size, poolCents: stakes, auditOk: audit.ok };
}

// ---------------------------------------------------------------- the server

async function waitForOtherBuilds() {
  const building = () => {
    try {
      return execFileSync("pgrep", ["-f", "next build"], { encoding: "utf8" }).trim().split("\n").filter((pid) => pid && Number(pid) !== process.pid);
    } catch {
      return []; // pgrep exits 1 when nothing matches
    }
  };
  let said = false;
  for (let waited = 0; building().length; waited += 5) {
    if (!said) console.log("A `next build` is running (another engineer?): waiting for it to finish…");
    said = true;
    if (waited > 1_800) throw new Error("a `next build` has been running for 30 minutes: giving up");
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

function freePort(from: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", (e: NodeJS.ErrnoException) => (e.code === "EADDRINUSE" && from < 3500 ? resolve(freePort(from + 1)) : reject(e)));
    s.listen(from, HOST, () => s.close(() => resolve(from)));
  });
}

async function waitForHealth(base: string, server: ChildProcess, logFile: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode} (log: ${logFile})`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/health within 2 minutes (log: ${logFile})`);
}

/** The process serving requests: `next start` itself, or the child it started. */
function serverPidOf(pid: number): number {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return children.length ? serverPidOf(children[0]!) : pid;
  } catch {
    return pid;
  }
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    const force = setTimeout(() => {
      try {
        process.kill(-server.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, 15_000);
    server.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    try {
      process.kill(-server.pid!, "SIGTERM"); // its process group: next start and anything it started
    } catch {
      resolve();
    }
  });
}

/** Auth.js credentials sign-in over HTTP: the CSRF token, then the form post; the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiePairs(csrf.headers.getSetCookie());
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${base}/arena` }).toString(),
  });
  await res.arrayBuffer();
  const session = cookiePairs(res.headers.getSetCookie()).filter((c) => c.includes("session-token"));
  if (!session.length) throw new Error(`signing in ${email} gave no session cookie (HTTP ${res.status} to ${res.headers.get("location")})`);
  return session.join("; ");
}

const cookiePairs = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]!).filter((c) => !c.endsWith("="));

// ---------------------------------------------------------------- the load generator

function processCpuMs(pid: number): number | null {
  try {
    // utime and stime, fields 14 and 15, in clock ticks (100 a second on Linux)
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** `requests` requests of the target with `concurrency` in flight at all times, on keep-alive sockets. */
async function load(port: number, target: Target, concurrency: number, requests: number, serverPid: number): Promise<LevelResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  // the C connections first, outside the measurement: a busy Node server takes on new
  // connections one at a time between the requests of those it has (the 64th waited seconds)
  await Promise.all(Array.from({ length: concurrency }, () => new Promise<void>((resolve, reject) => {
    http.get({ host: HOST, port, agent, path: "/api/health" }, (res) => res.resume().on("end", resolve)).on("error", reject);
  })));
  const latencies = new Float64Array(requests);
  const errorsByStatus: Record<string, number> = {};
  let next = 0;
  let firstError: string | null = null;
  const serverCpu0 = processCpuMs(serverPid);
  const clientCpu0 = process.cpuUsage();
  const started = performance.now();

  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const { path: p, headers, body } = target.request(i);
      const t0 = performance.now();
      const fail = (status: string, detail: string) => {
        errorsByStatus[status] = (errorsByStatus[status] ?? 0) + 1;
        firstError ??= `${status}: ${detail.slice(0, 300)}`;
        latencies[i] = performance.now() - t0;
        resolve();
      };
      const req = http.request({ host: HOST, port, agent, method: target.method, path: p, headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          latencies[i] = performance.now() - t0;
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) return fail(String(status), text);
          try {
            target.onOk?.(i, text);
          } catch (e) {
            return fail("bad body", `${(e as Error).message}: ${text}`);
          }
          resolve();
        });
        res.on("error", (e) => fail("socket", e.message));
      });
      req.on("error", (e) => fail("socket", e.message));
      req.end(body);
    });

  const worker = async () => {
    while (next < requests) await one(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  const serverCpu1 = processCpuMs(serverPid);
  const clientCpu = process.cpuUsage(clientCpu0);
  agent.destroy();

  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const errors = Object.values(errorsByStatus).reduce((a, b) => a + b, 0);
  if (firstError) console.log(`  ${target.name}: first error ${firstError}`);
  return {
    target: target.name, concurrency, requests, ms, perSecond: (requests / ms) * 1000,
    p50Ms: pct(50), p90Ms: pct(90), p99Ms: pct(99), maxMs: sorted[sorted.length - 1]!,
    errors, errorsByStatus,
    serverCpuMsPerRequest: serverCpu0 === null || serverCpu1 === null ? null : (serverCpu1 - serverCpu0) / requests,
    clientCpuMsPerRequest: (clientCpu.user + clientCpu.system) / 1000 / requests,
    loadAvg1m: os.loadavg()[0]!,
  };
}
