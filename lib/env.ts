/**
 * The one validated environment. Every variable the product reads is declared here
 * and documented in .env.example. next.config.ts imports this module, so a bad value
 * stops `next build` / `next start` at once with the variable's name and the reason.
 *
 * Server-only: never import it from a client component.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const DEFAULT_DATA_DIR = "./data";
export const DEFAULT_DATABASE_URL = "file:./data/clash.db";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const databaseUrl = z
  .string()
  .trim()
  .refine((v) => /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/.test(v), {
    message: "must start with file: (a local SQLite file) or libsql:// (Turso / sqld)",
  });

const emailList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email({ message: "must be a comma-separated list of email addresses" })));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  DATABASE_URL: databaseUrl.default(DEFAULT_DATABASE_URL),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (try: openssl rand -base64 32)" }).optional(),
  ADMIN_EMAILS: emailList.default([]),
  SCHEDULER: z
    .enum(["embedded", "inngest", "off"], { message: "must be one of embedded, inngest, off" })
    .default("embedded"),
  SCHEDULER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  INNGEST_DEV: z.string().optional(),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  INNGEST_BASE_URL: z.url({ message: "must be a URL" }).optional(),
  DEMO_SEED: booleanString.default(true),
  // the race schedule, used when the Arena's settings row is first created (then admins edit it);
  // unset: a demo season with replay data and the demo seed (2 + 8 minutes), else 1 h + 24 h real time
  ARENA_ACCUMULATE_MINUTES: z.coerce.number().int().min(1).max(10_080).optional(),
  ARENA_LIVE_MINUTES: z.coerce.number().int().min(1).max(43_200).optional(),
  ARENA_TIME_SCALE: z.coerce.number().min(1).max(10_000).optional(),
  // market memory
  MARKET_SOURCE: z.enum(["replay", "live"], { message: "must be replay or live" }).default("replay"),
  MARKET_ASSETS: z
    .string()
    .transform((v) => v.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Z0-9]{1,20}$/, { message: "must be a comma-separated list of symbols like BTC,ETH" })).min(1))
    .default(["BTC", "ETH", "SOL", "DOGE"]),
  REPLAY_SEED: z.string().min(1).max(100).default("clash-of-clones"),
  HYPERLIQUID_API_URL: z.url({ message: "must be a URL" }).default("https://api.hyperliquid.xyz"),
  HYPERLIQUID_WS_URL: z.url({ message: "must be a ws:// or wss:// URL" }).default("wss://api.hyperliquid.xyz/ws"),
  POLYMARKET_GAMMA_URL: z.url({ message: "must be a URL" }).default("https://gamma-api.polymarket.com"),
  POLYMARKET_CLOB_URL: z.url({ message: "must be a URL" }).default("https://clob.polymarket.com"),
  DEFILLAMA_API_URL: z.url({ message: "must be a URL" }).default("https://api.llama.fi"),
  DEFILLAMA_STABLECOINS_URL: z.url({ message: "must be a URL" }).default("https://stablecoins.llama.fi"),
  ALERT_WEBHOOK_URL: z.url({ message: "must be a URL" }).optional(),
  // LLM clones: without a key they record an explained no-trade
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.url({ message: "must be a URL" }).optional(),
  MARKET_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // artifact store for large payloads: local files under DATA_DIR/artifacts, or S3-compatible
  ARTIFACT_STORE: z.enum(["local", "s3"], { message: "must be local or s3" }).optional(),
  ARTIFACT_OFFLOAD_THRESHOLD_BYTES: z.coerce.number().int().min(1_024).max(100_000_000).default(65_536),
  ARTIFACT_S3_ENDPOINT: z.url({ message: "must be a URL (https://<account>.r2.cloudflarestorage.com, https://s3.<region>.amazonaws.com, http://127.0.0.1:9000)" }).optional(),
  ARTIFACT_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: "must be a bucket name (3-63 lowercase letters, digits, dots, hyphens)" }).optional(),
  ARTIFACT_S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: "must be a region like us-east-1 (auto for R2)" }).default("us-east-1"),
  ARTIFACT_S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, { message: "must be empty or end with / (e.g. clash/artifacts/)" }).default(""),
  ARTIFACT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ARTIFACT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment. Empty strings count as unset, as in most .env tooling. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([key, v]) => key in envSchema.shape && v !== undefined && v !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  const env = result.data;
  if (env.SCHEDULER === "inngest" && env.NODE_ENV === "production" && !env.INNGEST_DEV && !env.INNGEST_SIGNING_KEY) {
    throw new EnvError(["INNGEST_SIGNING_KEY: required when SCHEDULER=inngest in production (or set INNGEST_DEV=1)"]);
  }
  if (env.ARTIFACT_STORE === "s3" || (env.ARTIFACT_STORE === undefined && env.ARTIFACT_S3_BUCKET)) {
    // names only: a secret's value never reaches an error message or a log
    const missing = (["ARTIFACT_S3_ENDPOINT", "ARTIFACT_S3_BUCKET", "ARTIFACT_S3_ACCESS_KEY_ID", "ARTIFACT_S3_SECRET_ACCESS_KEY"] as const).filter((k) => !env[k]);
    if (missing.length) throw new EnvError(missing.map((k) => `${k}: required for the S3 artifact store`));
  }
  return env;
}

let cached: Env | undefined;

/** The process environment, validated once. Throws EnvError naming each bad variable. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

let authSecret: string | undefined;

/**
 * AUTH_SECRET when set; otherwise a secret generated once and kept in the git-ignored
 * data folder, so the local demo needs no .env and sessions survive restarts.
 */
export function resolveAuthSecret(env: Env = getEnv()): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (authSecret) return authSecret;
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  try {
    authSecret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, generated + "\n", { mode: 0o600, flag: "wx" });
      console.info(`[env] AUTH_SECRET is not set: generated one and saved it to ${file} (git-ignored)`);
    } catch {
      // another process created it first; use theirs
    }
    authSecret = fs.readFileSync(file, "utf8").trim();
  }
  return authSecret;
}
