import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, resolveAuthSecret } from "./env";

describe("parseEnv", () => {
  it("needs nothing for the local demo", () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_URL: "file:./data/clash.db",
      SCHEDULER: "embedded",
      ADMIN_EMAILS: [],
      DEMO_SEED: true,
    });
  });

  it("treats empty strings as unset and parses lists and booleans", () => {
    expect(parseEnv({ DATABASE_URL: "", ADMIN_EMAILS: " A@x.io, b@y.io ,", DEMO_SEED: "false" })).toMatchObject({
      DATABASE_URL: "file:./data/clash.db",
      ADMIN_EMAILS: ["a@x.io", "b@y.io"],
      DEMO_SEED: false,
    });
  });

  it.each([
    [{ DATABASE_URL: "postgres://x" }, "DATABASE_URL: must start with file:"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET: must be at least 32 characters"],
    [{ ADMIN_EMAILS: "admin@x.io, nope" }, "ADMIN_EMAILS"],
    [{ SCHEDULER: "cron" }, "SCHEDULER: must be one of embedded, inngest, off"],
    [{ SCHEDULER_POLL_MS: "5" }, "SCHEDULER_POLL_MS"],
    [{ SCHEDULER: "inngest", NODE_ENV: "production" }, "INNGEST_SIGNING_KEY: required"],
  ])("%j fails naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});

describe("resolveAuthSecret", () => {
  it("generates one secret into the data folder and keeps using it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clash-env-"));
    const env = parseEnv({ DATA_DIR: dir });
    const secret = resolveAuthSecret(env);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(path.join(dir, "auth-secret"), "utf8").trim()).toBe(secret);
    expect((fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toString(8)).toBe("600");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prefers AUTH_SECRET when set", () => {
    const value = "x".repeat(40);
    expect(resolveAuthSecret(parseEnv({ AUTH_SECRET: value }))).toBe(value);
  });
});
