import { describe, expect, it } from "vitest";
import { parseIsoTime } from "@/lib/iso-time";
import { parseDecideArgs } from "./args";
import { ArgumentError } from "./context";

describe("parseDecideArgs", () => {
  it.each([
    [["--template", "momentum", "--asset", "BTC"], { target: { kind: "template", templateId: "momentum" }, asset: "BTC", json: false }],
    [["--clone", "c1", "--asset", "ETH", "--json"], { target: { kind: "clone", cloneId: "c1" }, asset: "ETH", json: true }],
    [["--clone", "c1", "--asset", "ETH", "--at", "2026-07-01T10:30Z"], { target: { kind: "clone", cloneId: "c1" }, asset: "ETH", at: Date.UTC(2026, 6, 1, 10, 30), json: false }],
    // without an offset the time is UTC, never the machine's local time
    [["--clone", "c1", "--asset", "ETH", "--at", "2026-07-01T10:30:15"], { target: { kind: "clone", cloneId: "c1" }, asset: "ETH", at: Date.UTC(2026, 6, 1, 10, 30, 15), json: false }],
    [["--clone", "c1", "--asset", "ETH", "--at", "2026-07-01T12:30+02:00"], { target: { kind: "clone", cloneId: "c1" }, asset: "ETH", at: Date.UTC(2026, 6, 1, 10, 30), json: false }],
  ])("%j is accepted", (argv, expected) => {
    expect(parseDecideArgs(argv)).toEqual(expected);
  });

  it.each([["--help"], ["-h"], ["--template", "momentum", "--help"]])("%s asks for the usage text", (...argv) => {
    expect(parseDecideArgs(argv)).toBe("help");
  });

  it.each([
    [["--asset", "BTC"], "give exactly one of --clone ID or --template ID (neither was given)"],
    [["--clone", "c1", "--template", "momentum", "--asset", "BTC"], "give exactly one of --clone ID or --template ID (both were given)"],
    [["--template", "momentum"], "--asset is required"],
    [["--template", "momentum", "--asset", " "], "--asset must not be empty"],
    [["--template", "momentum", "--asset"], "--asset needs a value"],
    [["--clone", "", "--asset", "BTC"], "--clone must not be empty"],
    [["--template", "yolo", "--asset", "BTC"], '--template "yolo" is not a template (templates: momentum, mean-reversion, volume-spike, funding-carry, llm-discretionary)'],
    [["--template", "momentum", "--asset", "BTC", "--at", "soon"], '--at "soon" is not an ISO date-time (e.g. 2026-07-01T10:30:00Z)'],
    [["--template", "momentum", "--asset", "BTC", "--at", "2026-02-30T10:00Z"], '--at "2026-02-30T10:00Z" is not an ISO date-time (e.g. 2026-07-01T10:30:00Z)'],
    [["--template", "momentum", "--asset", "BTC", "--at", "1782901800000"], '--at "1782901800000" is not an ISO date-time (e.g. 2026-07-01T10:30:00Z)'],
    [["--template", "momentum", "--asset", "BTC", "--json=yes"], "--json takes no value"],
    [["--template", "momentum", "--asset", "BTC", "--model", "x"], "--model is not an option (options: --clone, --template, --asset, --at, --json, --help)"],
    [["--template", "momentum", "--asset", "BTC", "now"], "unexpected argument now (every value follows its --option)"],
  ])("%j is refused: %s", (argv, message) => {
    const result = parseDecideArgs(argv);
    expect(result).toBeInstanceOf(ArgumentError);
    expect((result as ArgumentError).message).toBe(message);
  });
});

describe("parseIsoTime", () => {
  it.each([
    ["2026-07-01", Date.UTC(2026, 6, 1)],
    ["2026-07-01T10:30:00.250Z", Date.UTC(2026, 6, 1, 10, 30, 0, 250)],
    ["2026-13-01", null],
    ["2026-07-01T24:00Z", null],
    ["July 1st", null],
  ])("%s -> %s", (text, ms) => {
    expect(parseIsoTime(text)).toBe(ms);
  });
});
