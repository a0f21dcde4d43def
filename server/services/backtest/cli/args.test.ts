import { describe, expect, it } from "vitest";
import { ArgumentError, parseBacktestArgs } from "./args";

const ok = ["--template", "momentum", "--asset", "BTC", "--from", "2026-06-01", "--to", "2026-06-08T12:00:00Z"];

describe("parseBacktestArgs", () => {
  it("reads a template run, times in UTC", () => {
    expect(parseBacktestArgs([...ok, "--json"])).toEqual({
      target: { kind: "template", templateId: "momentum" }, asset: "BTC", from: Date.UTC(2026, 5, 1), to: Date.UTC(2026, 5, 8, 12), json: true,
    });
    expect(parseBacktestArgs(["--clone", "c1", "--asset", "ETH", "--from", "2026-06-01", "--to", "2026-06-02"])).toMatchObject({ target: { kind: "clone", cloneId: "c1" }, json: false });
    expect(parseBacktestArgs(["-h"])).toBe("help");
  });

  it.each([
    { argv: ok.slice(2), message: "give exactly one of --clone ID or --template ID (neither was given)" },
    { argv: [...ok, "--clone", "c1"], message: "give exactly one of --clone ID or --template ID (both were given)" },
    { argv: ["--template", "momentum", "--from", "2026-06-01", "--to", "2026-06-02"], message: "--asset is required" },
    { argv: ["--template", "momentum", "--asset", "BTC", "--to", "2026-06-02"], message: "--from is required" },
    { argv: ["--template", "momentum", "--asset", "BTC", "--from", "2026-06-01"], message: "--to is required" },
    { argv: [...ok.slice(0, 5), "June 1st", ...ok.slice(6)], message: '--from "June 1st" is not an ISO date or date-time (e.g. 2026-03-01 or 2026-03-01T12:00:00Z)' },
    { argv: ["--template", "scalper", ...ok.slice(2)], message: '--template "scalper" is not a template (templates: momentum, mean-reversion, volume-spike, funding-carry, llm-discretionary)' },
    { argv: [...ok, "--speed", "9"], message: "--speed is not an option (options: --clone, --template, --asset, --from, --to, --json, --help)" },
    { argv: [...ok.slice(0, 6), "--to"], message: "--to needs a value" },
    { argv: [...ok, "extra"], message: "unexpected argument extra (every value follows its --option)" },
  ])("$message", ({ argv, message }) => {
    const parsed = parseBacktestArgs(argv);
    expect(parsed).toBeInstanceOf(ArgumentError);
    expect((parsed as ArgumentError).message).toBe(message);
  });
});
