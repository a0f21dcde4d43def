import { describe, expect, it } from "vitest";
import { parseCommand } from "./args";
import { ArgumentError } from "./context";

const backfill = (over: Record<string, string | null> = {}) => {
  const base: Record<string, string | null> = { source: "replay", asset: "BTC", interval: "1m", from: "2026-03-01", to: "2026-03-02", ...over };
  return ["backfill", ...Object.entries(base).flatMap(([k, v]) => (v === null ? [] : [`--${k}`, v]))];
};
const show = ["show", "--asset", "BTC", "--interval", "1h", "--from", "2026-03-01", "--to", "2026-03-02"];

describe("parseCommand: bad arguments are one line naming the argument", () => {
  it.each([
    ["an unknown command", ["frobnicate"], 'unknown command "frobnicate"'],
    ["an option without a command", ["--asset", "BTC"], "expected a command before --asset"],
    ["an unknown option", [...backfill(), "--speed", "2"], "backfill: --speed is not an option here"],
    ["an option of another command", [...show, "--file", "x"], "show: --file is not an option here"],
    ["an option without its value", ["backfill", "--asset"], "backfill: --asset needs a value"],
    ["a value for a flag", [...show, "--json=yes"], "show: --json takes no value"],
    ["a stray positional", [...show, "BTC"], "show: unexpected argument BTC"],
    ["a missing --source", backfill({ source: null }), "backfill: --source is required"],
    ["a missing --asset", backfill({ asset: null }), "backfill: --asset is required"],
    ["a missing --to", backfill({ to: null }), "backfill: --to is required"],
    ["an unknown source", backfill({ source: "binance" }), 'backfill: --source "binance" is not one of hyperliquid, polymarket, defillama, replay'],
    ["a --from that is not ISO", backfill({ from: "yesterday" }), 'backfill: --from "yesterday" is not an ISO date'],
    ["a day that does not exist", backfill({ from: "2026-02-30" }), 'backfill: --from "2026-02-30" is not an ISO date'],
    ["--from not before --to", backfill({ from: "2026-03-02" }), "backfill: --from 2026-03-02T00:00:00.000Z is not before --to 2026-03-02T00:00:00.000Z"],
    ["an interval the source lacks", backfill({ interval: "5m" }), "backfill: --interval 5m is not available from replay (1m = candles, 1h = funding)"],
    ["1m from defillama", backfill({ source: "defillama", asset: "tvl" }), "backfill: --interval 1m is not available from defillama (1d = macro)"],
    ["1h from polymarket", backfill({ source: "polymarket", asset: "some-market", interval: "1h" }), "backfill: --interval 1h is not available from polymarket (1m = prediction-prices)"],
    ["an asset outside the replay", backfill({ asset: "PEPE" }), 'backfill: --asset "PEPE" is not in the replay universe'],
    ["an unknown macro series", backfill({ source: "defillama", asset: "tvl2", interval: "1d" }), 'backfill: --asset "tvl2" is not one of tvl, stablecoins, dex-volume, fees'],
    ["a replay window before the replay", backfill({ from: "2025-12-31" }), "backfill: --from 2025-12-31T00:00:00.000Z is before the replay's first day"],
    ["an unknown interval to show", ["show", "--asset", "BTC", "--interval", "2h", "--from", "2026-03-01", "--to", "2026-03-02"], 'show: --interval "2h" is not one of 1m, 5m, 15m, 1h, 4h, 1d'],
    ["an unknown venue", [...show, "--venue", "BINANCE"], 'show: --venue "BINANCE" is not one of HYPERLIQUID, POLYMARKET, DEFILLAMA'],
    ["a missing --channel", ["retry"], "retry: --channel is required"],
    ["an empty --channel", ["retry", "--channel", " "], "retry: --channel must not be empty"],
    ["a file that does not exist", ["import", "--file", "/nonexistent/recording.json"], "import: --file /nonexistent/recording.json does not exist or is not a file"],
    ["a bad --time", ["import", "--file", "package.json", "--time", "noon"], 'import: --time "noon" is not an ISO date'],
    ["a bad --source for import", ["import", "--file", "package.json", "--source", "tape"], 'import: --source "tape" is not one of'],
  ])("%s", (_name, argv, message) => {
    const result = parseCommand(argv);
    expect(result).toBeInstanceOf(ArgumentError);
    expect((result as ArgumentError).message).toContain(message);
    expect((result as ArgumentError).message).not.toContain("\n");
  });
});

describe("parseCommand: good arguments", () => {
  it.each([[[]], [["help"]], [["--help"]], [["-h"]], [["show", "--help"]]])("%j asks for the usage", (argv) => {
    expect(parseCommand(argv)).toEqual({ name: "help" });
  });

  it("reads times as UTC unless an offset is given, and names the dataset", () => {
    expect(parseCommand(backfill({ from: "2026-03-01T12:00", to: "2026-03-02T01:00:00+01:00", interval: "1h" }))).toEqual({
      name: "backfill",
      args: { source: "replay", asset: "BTC", interval: "1h", from: Date.UTC(2026, 2, 1, 12), to: Date.UTC(2026, 2, 2), dataset: "funding" },
    });
  });

  it("fills the defaults of show and import", () => {
    expect(parseCommand([...show, "--json"])).toMatchObject({ name: "show", args: { json: true, venue: "HYPERLIQUID", interval: "1h" } });
    expect(parseCommand(["import", "--file", "package.json", "--token-id", "7"])).toEqual({ name: "import", args: { file: "package.json", tokenId: "7", source: "replay" } });
  });
});
