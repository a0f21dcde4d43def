import { describe, expect, it } from "vitest";
import { z } from "zod";
import { acceptedAction, actionSchema, actionToolInputSchema, marginCentsFor, notionalCentsFor, parseAction, type Action } from "./action";

const valid = {
  action: "open_long",
  asset: "BTC",
  sizePct: 10,
  leverage: 3,
  stopLoss: 95_000,
  takeProfit: 110_000,
  confidence: 0.7,
  reasoning: "Momentum above the 20 EMA.",
};

function accepted(raw: unknown): Action {
  const r = parseAction(raw);
  if (!r.ok) throw new Error(`expected acceptance, got: ${r.reason}`);
  return r.action;
}

function rejected(raw: unknown): string {
  const r = parseAction(raw);
  if (r.ok) throw new Error(`expected rejection, got ${JSON.stringify(r.action)}`);
  return r.reason;
}

describe("parseAction accepts and normalises", () => {
  it("a well-formed open, unchanged and without warnings", () => {
    expect(parseAction(valid)).toEqual({ ok: true, action: valid, warnings: [] });
  });

  it.each([
    ["asset trimmed and upper-cased", { asset: "  eth " }, { asset: "ETH" }],
    ["action trimmed and lower-cased", { action: " OPEN_SHORT ", stopLoss: 120_000, takeProfit: 90_000 }, { action: "open_short" }],
    ["numeric strings", { sizePct: "5", leverage: " 2.5 ", confidence: ".7", stopLoss: "9.5e4" }, { sizePct: 5, leverage: 2.5, confidence: 0.7, stopLoss: 95_000 }],
    ["-0 as 0", { confidence: -0 }, { confidence: 0 }],
    ["null optional fields as absent", { stopLoss: null, takeProfit: null, invalidation: null }, { stopLoss: undefined, takeProfit: undefined }],
    ["HIP-3 style symbols", { asset: "xyz:tsla" }, { asset: "XYZ:TSLA" }],
  ])("%s", (_name, patch, expected) => {
    const action = accepted({ ...valid, ...patch });
    for (const [k, v] of Object.entries(expected)) expect(action[k as keyof Action]).toBe(v);
  });

  it.each(["hold", "close"])("%s without size and leverage defaults to 0 and 1", (kind) => {
    expect(parseAction({ action: kind, asset: "btc", confidence: 0.5, reasoning: "wait" })).toEqual({
      ok: true,
      action: { action: kind, asset: "BTC", sizePct: 0, leverage: 1, confidence: 0.5, reasoning: "wait" },
      warnings: [],
    });
  });

  it("close ignores size, leverage and exit plan, and says so", () => {
    const r = parseAction({ ...valid, action: "close", invalidation: "x" });
    expect(r).toEqual({
      ok: true,
      action: { action: "close", asset: "BTC", sizePct: 0, leverage: 1, confidence: 0.7, reasoning: valid.reasoning },
      warnings: ["sizePct and leverage are ignored for close", "stopLoss, takeProfit, invalidation ignored for close"],
    });
  });

  it.each([
    ["JSON", JSON.stringify(valid)],
    ["fenced JSON", "```json\n" + JSON.stringify(valid, null, 2) + "\n```"],
    ["bare fence", "  ```\n" + JSON.stringify(valid) + "```  "],
  ])("a string holding %s", (_name, text) => {
    expect(accepted(text)).toEqual(valid);
  });

  it("unknown fields are ignored and listed; __proto__ and constructor pollute nothing", () => {
    const text = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"extra":1,${JSON.stringify(valid).slice(1)}`;
    const r = parseAction(text);
    expect(r).toMatchObject({ ok: true, action: valid, warnings: ['ignored unknown fields "__proto__", "constructor", "extra"'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });

  it("inherited fields are not the model's answer", () => {
    expect(rejected(Object.create(valid))).toBe('action is missing: it must be one of open_long, open_short, close, hold');
  });
});

describe("parseAction rejects with a reason naming the field", () => {
  it.each<[string, unknown, string]>([
    ["undefined", undefined, "the action must be an object with action, asset, sizePct, leverage, confidence and reasoning, got nothing"],
    ["null", null, "the action must be an object with action, asset, sizePct, leverage, confidence and reasoning, got null"],
    ["a number", 42, "the action must be an object with action, asset, sizePct, leverage, confidence and reasoning, got 42"],
    ["an array", [valid], "the action must be an object with action, asset, sizePct, leverage, confidence and reasoning, got a list"],
    ["a JSON array string", "[1,2]", 'the answer is text, not a JSON action: "[1,2]"'],
    ["prose", "I would buy BTC here.", 'the answer is text, not a JSON action: "I would buy BTC here."'],
    ["prose around JSON", `Here: ${JSON.stringify(valid)}`, 'the answer is text, not a JSON action: "Here: {\\"action\\":\\"open_long\\",\\"asset\\":\\"BTC…"'],
    ["an empty string", "   ", "the answer is empty: no action was given"],
    ["broken JSON", '{"action": "hold",', 'the answer looks like JSON but does not parse: "{\\"action\\": \\"hold\\","'],
  ])("%s", (_name, raw, reason) => {
    expect(rejected(raw)).toBe(reason);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["leverage in words", { leverage: "ten" }, 'leverage must be a number between 1 and 50, got "ten"'],
    ["absurd leverage", { leverage: 1e308 }, "leverage must be a number between 1 and 50, got 1e+308"],
    ["leverage below 1", { leverage: 0.5 }, "leverage must be a number between 1 and 50, got 0.5"],
    ["NaN leverage", { leverage: NaN }, "leverage must be a number between 1 and 50, got NaN"],
    ["bigint leverage", { leverage: 5n }, "leverage must be a number between 1 and 50, got 5n"],
    ["missing leverage on an open", { leverage: undefined }, "leverage is missing: it must be a number between 1 and 50"],
    ["negative size", { sizePct: -5 }, "sizePct must be a number from 0 to 100 (percent of equity used as margin), got -5"],
    ["size over 100", { sizePct: 101 }, "sizePct must be a number from 0 to 100 (percent of equity used as margin), got 101"],
    ["size with a percent sign", { sizePct: "5%" }, 'sizePct must be a number from 0 to 100 (percent of equity used as margin), got "5%"'],
    ["infinite size", { sizePct: Infinity }, "sizePct must be a number from 0 to 100 (percent of equity used as margin), got Infinity"],
    ["hex size", { sizePct: "0x10" }, 'sizePct must be a number from 0 to 100 (percent of equity used as margin), got "0x10"'],
    ["size overflowing to Infinity", { sizePct: "1e999" }, 'sizePct must be a number from 0 to 100 (percent of equity used as margin), got "1e999"'],
    ["unknown action", { action: "buy" }, 'action must be one of open_long, open_short, close, hold, got "buy"'],
    ["action as object", { action: { type: "open_long" } }, "action must be one of open_long, open_short, close, hold, got an object"],
    ["empty asset", { asset: "  " }, 'asset must be a symbol like "BTC" (letters, digits, at most 24 characters), got "  "'],
    ["asset with a slash", { asset: "BTC/USD" }, 'asset must be a symbol like "BTC" (letters, digits, at most 24 characters), got "BTC/USD"'],
    ["asset as number", { asset: 42 }, 'asset must be a symbol like "BTC" (letters, digits, at most 24 characters), got 42'],
    ["confidence over 1", { confidence: 1.5 }, "confidence must be a number between 0 and 1, got 1.5"],
    ["confidence in words", { confidence: "high" }, 'confidence must be a number between 0 and 1, got "high"'],
    ["zero stop", { stopLoss: 0 }, "stopLoss must be a price above 0, got 0"],
    ["negative take-profit", { takeProfit: -1 }, "takeProfit must be a price above 0, got -1"],
    ["trailing stop over 100", { trailingStopPct: 150 }, "trailingStopPct must be a number above 0 and at most 100, got 150"],
    ["invalidation as object", { invalidation: {} }, "invalidation must be text, got an object"],
    ["reasoning missing", { reasoning: undefined }, "reasoning is missing: it must be text"],
    ["reasoning null", { reasoning: null }, "reasoning is missing: it must be text"],
    ["reasoning as symbol", { reasoning: Symbol("x") }, "reasoning must be text, got a symbol"],
    ["reasoning as function", { reasoning: () => "x" }, "reasoning must be text, got a function"],
    ["garbage size on a hold", { action: "hold", sizePct: "lots" }, 'sizePct must be a number from 0 to 100 (percent of equity used as margin), got "lots"'],
  ])("%s", (_name, patch, reason) => {
    expect(rejected({ ...valid, ...patch })).toBe(reason);
  });

  it.each<[string, unknown]>([
    ["a throwing getter", Object.defineProperty({ ...valid }, "leverage", { enumerable: true, get: () => { throw new Error("boom"); } })],
    ["a Proxy whose traps throw", new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error("trap"); }, ownKeys: () => { throw new Error("trap"); } })],
    ["a revoked Proxy", (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()],
    ["JSON nested far deeper than any stack", "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000)],
  ])("%s ends in a rejection, not a throw", (_name, raw) => {
    const r = parseAction(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
  });
});

describe("reasoning is kept as plain text", () => {
  it("HTML and script come back byte-identical and are never evaluated", () => {
    const reasoning = '<script>globalThis.__pwned = true</script><img src=x onerror="globalThis.__pwned=1"> ${globalThis.__pwned=2} {{7*7}} "); DROP TABLE clones; --';
    const action = accepted({ ...valid, reasoning });
    expect(action.reasoning).toBe(reasoning);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it("NUL and other C0 controls and bidi overrides are stripped; \\n and \\t kept; \\r becomes \\n", () => {
    const action = accepted({ ...valid, reasoning: "a\u0000b\u0007<script>\tc\r\nd\re\u001b[31mf\u202Eg\u2066h" });
    expect(action.reasoning).toBe("ab<script>\tc\nd\ne[31mfgh");
  });

  it("megabytes of reasoning are truncated to 4,000 characters with a note", () => {
    const r = parseAction({ ...valid, reasoning: "x".repeat(5_000_000) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.action.reasoning.length).toBeLessThanOrEqual(4_000);
    expect(r.action.reasoning.endsWith(" … [truncated; 5,000,000 characters in total]")).toBe(true);
    expect(r.warnings).toEqual(["reasoning was truncated to 4,000 characters"]);
  });

  it("truncation never leaves half an emoji", () => {
    const text = "🚀".repeat(5_000);
    const r = accepted({ ...valid, reasoning: text });
    expect(r.reasoning).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(accepted({ ...valid, reasoning: "ok \uD800 lone" }).reasoning).toBe("ok \uFFFD lone");
  });

  it("4,000 characters exactly are kept whole", () => {
    expect(accepted({ ...valid, reasoning: "y".repeat(4_000) }).reasoning).toBe("y".repeat(4_000));
  });
});

describe("the tool input schema", () => {
  it("matches the zod schema's fields and is strict", () => {
    const fromZod = z.toJSONSchema(actionSchema) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(actionToolInputSchema.properties).sort()).toEqual(Object.keys(fromZod.properties).sort());
    expect([...actionToolInputSchema.required].sort()).toEqual([...fromZod.required].sort());
    expect(actionToolInputSchema.additionalProperties).toBe(false);
    expect(actionToolInputSchema.type).toBe("object");
  });

  it("carries no numeric or length bounds, which Anthropic's strict grammar rejects", () => {
    const text = JSON.stringify(actionToolInputSchema);
    for (const keyword of ["minimum", "maximum", "exclusiveMinimum", "maxLength", "minLength", "pattern"]) {
      expect(text).not.toContain(`"${keyword}"`);
    }
  });
});

describe("sizing: sizePct is percent of equity used as margin", () => {
  it.each([
    [1_000_000, 10, 5, 100_000, 500_000],
    [1_000_000, 0.5, 1, 5_000, 5_000],
    [999, 33.3, 3, 332, 996],
  ])("equity %i¢ at %d%% and %dx: margin %i¢, notional %i¢", (equity, sizePct, leverage, margin, notional) => {
    expect(marginCentsFor(equity, sizePct)).toBe(margin);
    expect(notionalCentsFor(equity, sizePct, leverage)).toBe(notional);
  });
});

describe("acceptedAction is actionSchema's answer, without zod", () => {
  // candidates as normalise builds them, and worse: every field absent, well-formed, at
  // its bounds, just past them, of the wrong type, and keys the schema does not know
  const CHOICES: Record<string, unknown[]> = {
    action: ["open_long", "open_short", "close", "hold", "HOLD", "buy", "", 1],
    asset: ["BTC", "XYZ:TSLA", "btc", "", "A".repeat(24), "A".repeat(25), " BTC", 7],
    sizePct: [0, -0, 10, 100, 100.0001, -1, NaN, Infinity, "5"],
    leverage: [1, 2.5, 50, 0.999, 51, NaN, -Infinity],
    stopLoss: [95_000, 1e-9, 0, -1, Infinity, NaN, "95000", null],
    takeProfit: [110_000, 0, -5, Infinity],
    trailingStopPct: [0.75, 100, 100.01, 0, -1, NaN],
    invalidation: ["EMA(12) crosses back", "", "x".repeat(500), "x".repeat(501), 3],
    confidence: [0, 0.55, 1, 1.01, -0.01, NaN, "0.5"],
    reasoning: ["Momentum above the 20 EMA.", "", "r".repeat(4_000), "r".repeat(4_001), null],
    extra: [1, "x"],
  };
  const REQUIRED = new Set(["action", "asset", "sizePct", "leverage", "confidence", "reasoning"]);
  let seed = 7;
  const pick = <T,>(xs: readonly T[]): T => xs[(seed = (seed * 1_103_515_245 + 12_345) >>> 0) % xs.length]!;

  it("over 20,000 random candidates: the same data, key for key, or null where the schema refuses", () => {
    let acceptedCount = 0;
    for (let i = 0; i < 20_000; i++) {
      const candidate: Record<string, unknown> = {};
      for (const [key, values] of Object.entries(CHOICES)) {
        // required fields are usually there and usually well-formed, so most candidates get far
        const absent = REQUIRED.has(key) ? pick([false, false, false, false, false, false, false, true]) : pick([true, true, false]);
        if (!absent) candidate[key] = i % 3 === 0 ? pick(values) : pick(values.slice(0, REQUIRED.has(key) ? 2 : 1));
      }
      const zod = actionSchema.safeParse(candidate);
      const fast = acceptedAction(candidate);
      if (zod.success) {
        acceptedCount++;
        expect(fast).toStrictEqual(zod.data);
        expect(Object.keys(fast!)).toEqual(Object.keys(zod.data));
      } else {
        expect(fast).toBeNull();
      }
    }
    expect(acceptedCount).toBeGreaterThan(1_000);
  });

  it("parseAction of an object is the same as of its JSON text (which never takes the canonical shortcut)", () => {
    // values JSON carries as they are: no NaN, no infinities, no -0
    const carried = (v: unknown) => typeof v !== "number" || (Number.isFinite(v) && !Object.is(v, -0));
    const choices = Object.fromEntries(Object.entries(CHOICES).map(([k, vs]) => [k, [...vs.filter(carried), "bad\u0000text", " x\r\n"]]));
    let canonical = 0;
    for (let i = 0; i < 6_000; i++) {
      const candidate: Record<string, unknown> = {};
      for (const [key, values] of Object.entries(choices)) {
        const absent = REQUIRED.has(key) ? pick([false, false, false, false, false, false, false, true]) : pick([true, true, false]);
        if (!absent) candidate[key] = i % 3 === 0 ? pick(values) : pick(values.slice(0, REQUIRED.has(key) ? 2 : 1));
      }
      const direct = parseAction(candidate);
      expect(direct).toStrictEqual(parseAction(JSON.stringify(candidate)));
      if (direct.ok) expect(Object.keys(direct.action)).toEqual(Object.keys((parseAction(JSON.stringify(candidate)) as { action: object }).action));
      if (direct.ok && direct.warnings.length === 0) canonical++;
    }
    expect(canonical).toBeGreaterThan(300);
    // -0 is written as 0 either way
    expect(parseAction({ ...valid, confidence: -0 })).toStrictEqual(parseAction({ ...valid, confidence: 0 }));
  });
});
