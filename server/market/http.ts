/**
 * JSON over HTTP for the market sources: a timeout per attempt, retries with
 * exponential backoff and jitter on network errors, timeouts, 429 (honouring
 * Retry-After) and 5xx; a request-weight budget for venues that meter requests;
 * and a parse step that turns the body into the product's records or fails with
 * MalformedResponseError. Other 4xx are not retried: asking again will not help.
 */
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from "@/lib/domain/scheduling/backoff";
import { WeightBudget } from "@/lib/domain/market/rate-limit";

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly url: string,
    public readonly body: string,
  ) {
    super(`HTTP ${status} from ${url}${body ? `: ${body.slice(0, 200)}` : ""}`);
    this.name = "HttpError";
  }
}

export class RequestTimeoutError extends Error {
  constructor(
    public readonly url: string,
    public readonly timeoutMs: number,
  ) {
    super(`no answer from ${url} within ${timeoutMs} ms`);
    this.name = "RequestTimeoutError";
  }
}

export class MalformedResponseError extends Error {
  constructor(
    public readonly url: string,
    reason: string,
  ) {
    super(`malformed response from ${url}: ${reason}`);
    this.name = "MalformedResponseError";
  }
}

export interface HttpClientOptions {
  baseUrl: string;
  /** per attempt */
  timeoutMs?: number;
  /** retries after the first attempt */
  maxRetries?: number;
  backoff?: BackoffPolicy;
  /** longest Retry-After we agree to wait; above it we give up and report */
  maxRetryAfterMs?: number;
  /** request weight per minute, for venues that meter by weight */
  weightPerMinute?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface JsonRequest<T> {
  method?: "GET" | "POST";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** this request's weight against the budget */
  weight?: number;
  parse: (json: unknown) => T;
}

export interface RequestStats {
  attempts: number;
  retries: number;
  waitedForBudgetMs: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HttpJsonClient {
  private readonly budget: WeightBudget | null;
  private readonly o: Required<Omit<HttpClientOptions, "weightPerMinute">>;
  /** what the last request cost, for channel health and tests */
  lastStats: RequestStats = { attempts: 0, retries: 0, waitedForBudgetMs: 0 };

  constructor(options: HttpClientOptions) {
    this.o = {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      timeoutMs: options.timeoutMs ?? 10_000,
      maxRetries: options.maxRetries ?? 4,
      backoff: options.backoff ?? { ...DEFAULT_BACKOFF, baseMs: 500, maxMs: 30_000 },
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      fetch: options.fetch ?? fetch,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
      now: options.now ?? Date.now,
    };
    this.budget = options.weightPerMinute ? new WeightBudget(options.weightPerMinute, this.o.now()) : null;
  }

  url(path: string, query?: JsonRequest<unknown>["query"]): string {
    const u = new URL(this.o.baseUrl + (path.startsWith("/") ? path : `/${path}`));
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v));
    return u.toString();
  }

  async request<T>(req: JsonRequest<T>): Promise<T> {
    const url = this.url(req.path, req.query);
    const stats: RequestStats = { attempts: 0, retries: 0, waitedForBudgetMs: 0 };
    this.lastStats = stats;
    for (let attempt = 1; ; attempt++) {
      if (this.budget) {
        const wait = this.budget.reserve(req.weight ?? 1, this.o.now());
        if (wait > 0) {
          stats.waitedForBudgetMs += wait;
          await this.o.sleep(wait);
        }
      }
      stats.attempts = attempt;
      let retryAfterMs: number | null = null;
      let failure: Error;
      try {
        const response = await this.send(url, req);
        const text = await response.text();
        if (response.ok) return this.parse(url, text, req.parse);
        failure = new HttpError(response.status, url, text);
        if (response.status === 429) retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), this.o.now());
        if (response.status !== 429 && response.status < 500) throw failure;
      } catch (e) {
        if (e instanceof MalformedResponseError || (e instanceof HttpError && e.status !== 429 && e.status < 500)) throw e;
        failure = e as Error;
      }
      if (attempt > this.o.maxRetries) throw failure;
      if (retryAfterMs !== null && retryAfterMs > this.o.maxRetryAfterMs) throw failure;
      stats.retries++;
      await this.o.sleep(retryAfterMs ?? retryDelayMs(attempt, this.o.backoff, this.o.random));
    }
  }

  private async send(url: string, req: JsonRequest<unknown>): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.o.timeoutMs);
    try {
      return await this.o.fetch(url, {
        method: req.method ?? "GET",
        headers: { accept: "application/json", ...(req.body !== undefined ? { "content-type": "application/json" } : {}) },
        body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
        signal: controller.signal,
      });
    } catch (e) {
      if (controller.signal.aborted) throw new RequestTimeoutError(url, this.o.timeoutMs);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private parse<T>(url: string, text: string, parse: (json: unknown) => T): T {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MalformedResponseError(url, `not JSON (${text.slice(0, 80)})`);
    }
    try {
      return parse(json);
    } catch (e) {
      throw new MalformedResponseError(url, (e as Error).message);
    }
  }
}

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
