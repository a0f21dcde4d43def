import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError, HttpJsonClient, MalformedResponseError, parseRetryAfter, RequestTimeoutError } from "./http";
import { startLocalServer, type LocalServer } from "./testing/local-server";

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer(() => ({ json: { ok: true } }));
});
afterAll(async () => server.close());

const slept: number[] = [];
const client = (over: Partial<ConstructorParameters<typeof HttpJsonClient>[0]> = {}) =>
  new HttpJsonClient({
    baseUrl: server.url,
    timeoutMs: 300,
    maxRetries: 3,
    backoff: { baseMs: 10, maxMs: 100, factor: 2, jitter: 0 },
    sleep: async (ms) => {
      slept.push(ms);
    },
    ...over,
  });
const parseOk = (json: unknown) => {
  if ((json as { ok?: unknown }).ok !== true) throw new Error("ok must be true");
  return "parsed";
};

describe("HttpJsonClient", () => {
  it("retries a 429 after its Retry-After, then succeeds", async () => {
    slept.length = 0;
    server.queue.push({ status: 429, json: { error: "rate limited" }, headers: { "retry-after": "2" } });
    const c = client();
    await expect(c.request({ path: "/info", parse: parseOk })).resolves.toBe("parsed");
    expect(slept).toEqual([2000]);
    expect(c.lastStats).toMatchObject({ attempts: 2, retries: 1 });
  });

  it("retries 500s and timeouts with exponential backoff", async () => {
    slept.length = 0;
    server.queue.push({ status: 500, text: "boom" }, { hang: true });
    await expect(client().request({ path: "/info", parse: parseOk })).resolves.toBe("parsed");
    expect(slept).toEqual([10, 20]);
  });

  it("gives up after maxRetries with the last failure", async () => {
    server.queue.push(...Array.from({ length: 4 }, () => ({ status: 503, text: "down" })));
    await expect(client().request({ path: "/info", parse: parseOk })).rejects.toMatchObject({ name: "HttpError", status: 503 });
  });

  it("reports a timeout as such", async () => {
    server.queue.push({ hang: true });
    await expect(client({ maxRetries: 0 }).request({ path: "/info", parse: parseOk })).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it("does not retry other 4xx or malformed bodies", async () => {
    const before = server.requests.length;
    server.queue.push({ status: 400, json: { error: "bad coin" } });
    await expect(client().request({ path: "/info", parse: parseOk })).rejects.toBeInstanceOf(HttpError);
    server.queue.push({ text: "<html>oops" });
    await expect(client().request({ path: "/info", parse: parseOk })).rejects.toBeInstanceOf(MalformedResponseError);
    server.queue.push({ json: { ok: "yes" } });
    await expect(client().request({ path: "/info", parse: parseOk })).rejects.toThrow("ok must be true");
    expect(server.requests.length - before).toBe(3);
  });

  it("posts JSON bodies and encodes queries", async () => {
    await client().request({ method: "POST", path: "/info", body: { type: "allMids" }, parse: parseOk });
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: "/info", body: { type: "allMids" } });
    await client().request({ path: "/book", query: { token_id: "123", side: undefined }, parse: parseOk });
    expect(server.requests.at(-1)!.query.toString()).toBe("token_id=123");
  });

  it("waits for the weight budget before sending", async () => {
    slept.length = 0;
    const c = client({ weightPerMinute: 40, now: () => 0 });
    await c.request({ path: "/info", weight: 20, parse: parseOk });
    await c.request({ path: "/info", weight: 20, parse: parseOk });
    await c.request({ path: "/info", weight: 20, parse: parseOk });
    expect(slept).toEqual([30_000]);
  });
});

describe("parseRetryAfter", () => {
  it.each([
    [null, null],
    ["3", 3000],
    ["0.5", 500],
    ["Wed, 21 Oct 2015 07:28:10 GMT", 10_000],
    ["soon", null],
  ])("%j -> %j", (value, ms) => expect(parseRetryAfter(value, Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(ms));
});
