#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which Prisma downloads at
// install time from a host our machines cannot reach. Speaks the same CLI +
// JSON-RPC-over-stdio protocol, but delegates to the WebAssembly schema engine
// (@prisma/schema-engine-wasm) running on top of @prisma/adapter-libsql (whose
// native part ships inside npm packages). SQLite `file:` URLs only.
//
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here, so `prisma migrate
// dev|deploy|status|reset|diff` and `db push` work offline.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const debugFile = process.env.SCHEMA_ENGINE_SHIM_DEBUG;
const dbg = (...a) => debugFile && fs.appendFileSync(debugFile, a.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(" ") + "\n");

// ---- argv -------------------------------------------------------------
const argv = process.argv.slice(2);
const datamodelPaths = [];
let datasource = {};
let cliCommand = null;
dbg("argv", process.argv.slice(2), "cwd", process.cwd());
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--datamodels") datamodelPaths.push(argv[++i]);
  else if (a === "--datasource") datasource = JSON.parse(argv[++i]);
  else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
  else if (a === "--version" || a === "-V") {
    console.log("schema-engine-cli (wasm shim) " + JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "package.json"), "utf8")).version);
    process.exit(0);
  } else if (a === "cli") cliCommand = argv[++i];
}

function sqlitePath(url) {
  if (!url) throw new Error("shim: no datasource url given (set datasource.url in prisma.config.ts)");
  if (!url.startsWith("file:")) throw new Error(`shim: only SQLite file: URLs are supported, got ${url}`);
  const p = url.replace(/^file:/, "").split("?")[0];
  return p === ":memory:" ? p : path.resolve(process.cwd(), p);
}

// ---- `schema-engine cli <cmd>` mode ------------------------------------
if (cliCommand) {
  try {
    const file = sqlitePath(datasource.url);
    if (cliCommand === "can-connect-to-database") {
      if (file !== ":memory:" && !fs.existsSync(file)) throw new Error(`Database does not exist at ${file}`);
    } else if (cliCommand === "create-database") {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.closeSync(fs.openSync(file, "a"));
    } else if (cliCommand === "drop-database") {
      fs.rmSync(file, { force: true });
    } else throw new Error(`shim: unsupported cli command ${cliCommand}`);
    process.stdout.write(JSON.stringify({ result: "ok" }) + "\n");
    process.exit(0);
  } catch (e) {
    // The CLI drops the first stderr line and expects JSON log lines after it.
    process.stderr.write("schema-engine shim\n");
    process.stderr.write(
      JSON.stringify({
        timestamp: new Date().toISOString(),
        level: "ERROR",
        fields: { message: e.message, error_code: cliCommand === "can-connect-to-database" ? "P1003" : "P1000" },
        target: "schema_engine::logger",
      }),
    );
    process.exit(1);
  }
}

// ---- load the wasm engine ----------------------------------------------
const wasmPkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
const bg = await import(path.join(wasmPkgDir, "schema_engine_bg.js"));
const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(wasmPkgDir, "schema_engine_bg.wasm")));
const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg });
bg.__wbg_set_wasm(instance.exports);
instance.exports.__wbindgen_start?.();

const { PrismaLibSql } = require("@prisma/adapter-libsql");
const { createClient } = require("@libsql/client");
const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");

const dbFile = sqlitePath(datasource.url);
if (dbFile !== ":memory:") fs.mkdirSync(path.dirname(dbFile), { recursive: true });
// The wasm engine applies whole migration scripts to the shadow database with executeRaw(),
// but a prepared statement holds a single statement. Fall back to executeScript() there.
const patchAdapter = (adapter) => {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    // libSQL's execute() runs only the first statement of a script and ignores the
    // rest without an error, so send anything with more than one statement as a script.
    if ((query.args?.length ?? 0) === 0 && /;\s*\S/.test(query.sql.replace(/--[^\n]*/g, ""))) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    try {
      return await executeRaw(query);
    } catch (e) {
      const msg = `${e?.message ?? ""} ${e?.cause?.originalMessage ?? ""}`;
      if ((query.args?.length ?? 0) === 0 && /more than one statement|multiple statements|tail/i.test(msg)) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw e;
    }
  };
  return adapter;
};
function makeFactory() {
  const rawFactory = new PrismaLibSql({ url: dbFile === ":memory:" ? ":memory:" : `file:${dbFile}` });
  return bindMigrationAwareSqlAdapterFactory({
    provider: rawFactory.provider,
    adapterName: rawFactory.adapterName,
    connect: async () => patchAdapter(await rawFactory.connect()),
    connectToShadowDb: async () => patchAdapter(await rawFactory.connectToShadowDb()),
  });
}
// The wasm engine's devDiagnostic fails with P1014 when `_prisma_migrations` is missing
// (the native engine treats that as "no migrations applied yet"). Create it the way the
// native SQLite connector does.
const ensureMigrationsTable = async () => {
  const db = createClient({ url: `file:${dbFile}` });
  await db.execute(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
  db.close();
};
const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, "utf8")]);
let factory, engine;
async function startEngine() {
  factory = makeFactory();
  engine = await bg.SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    (msg) => process.stderr.write(String(msg) + "\n"),
    factory,
  );
}
await startEngine();

// ---- JSON-RPC over stdio --------------------------------------------------
const send = (obj) => {
  dbg(">>", obj);
  process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...obj }) + "\n");
};
const aliases = { getDatabaseVersion: "version" };

async function handle(req) {
  dbg("<<", req);
  const method = aliases[req.method] ?? req.method;
  try {
    let result;
    if (method === "reset") {
      // Like the native SQLite connector: delete the database file and reconnect.
      // (The wasm engine's reset() leaves SQLite tables in place.)
      for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
      fs.closeSync(fs.openSync(dbFile, "a"));
      await startEngine();
      result = null;
    } else if (method === "createDatabase") {
      fs.closeSync(fs.openSync(dbFile, "a"));
      result = { databaseName: path.basename(dbFile) };
    } else if (typeof engine[method] === "function") {
      if ((method === "devDiagnostic" || method === "diagnoseMigrationHistory") && dbFile !== ":memory:") await ensureMigrationsTable();
      try {
        result = await engine[method](req.params ?? undefined);
      } catch (e) {
        // evaluateDataLoss fails with "SQLite shadow DB must be provided through an external
        // factory" unless an earlier call in this engine already opened the shadow DB (as
        // devDiagnostic does when the database has migrations applied). Warm it up and retry once.
        if (!/shadow DB must be provided/i.test(String(e?.message)) || !req.params?.migrationsList) throw e;
        await engine.devDiagnostic({ migrationsList: req.params.migrationsList, filters: req.params.filters });
        result = await engine[method](req.params ?? undefined);
      }
      // the native engine prints `migrate diff` output itself via a "print" RPC call to the CLI
      if (method === "diff" && result && typeof result.stdout === "string") {
        send({ id: `print-${req.id}`, method: "print", params: { content: result.stdout } });
        result = { ...result, stdout: null };
      }
    } else {
      throw Object.assign(new Error(`shim: method ${req.method} not supported by the wasm schema engine`), {});
    }
    send({ id: req.id, result: result === undefined ? null : result });
  } catch (e) {
    const isPanic = e instanceof WebAssembly.RuntimeError || /unreachable|panicked/i.test(String(e?.message));
    let message = e?.message ?? String(e);
    // Errors thrown on the JS side (inside the adapter) are only referenced by id; resolve them.
    message = message.replace(/External error id#(\d+)/g, (m, id) => {
      const inner = factory.errorRegistry?.consumeError(Number(id));
      const err = inner?.error ?? inner;
      return `${m}: ${err?.message ?? JSON.stringify(err)}`;
    });
    const data = { is_panic: isPanic, message, backtrace: e?.stack ?? null };
    if (e && typeof e === "object" && "code" in e && e.code) {
      data.error_code = e.code;
      data.meta = e.meta ?? null;
    }
    send({ id: req.id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } });
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const pending = [];
rl.on("line", (line) => {
  if (!line.trim()) return;
  let req;
  try {
    req = JSON.parse(line);
  } catch {
    return;
  }
  if (req.method === undefined) return; // responses to our own requests (none)
  pending.push(handle(req));
});
rl.on("close", async () => {
  await Promise.allSettled(pending);
  process.exit(0);
});
