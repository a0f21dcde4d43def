import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordedFormatError, importRecordedFile } from "./import-file";

let dir = "";
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "replay-import-"));
  const fixtures: Record<string, string> = {
    "candles.json": JSON.stringify([
      { t: 1_767_225_600_000, T: 1_767_225_659_999, s: "BTC", i: "1m", o: "95000", c: "95010", h: "95020", l: "94990", v: "1.5", n: 12 },
      { t: 1_767_225_600_000, T: 1_767_225_659_999, s: "SOL", i: "1m", o: "190.1", c: "190.2", h: "190.3", l: "190", v: "100", n: 7 },
    ]),
    "hourly.json": JSON.stringify([{ t: 1_684_699_200_000, T: 1_684_702_799_999, s: "kPEPE", i: "1h", o: "0.001601", c: "0.001604", h: "0.001616", l: "0.001601", v: "520665683.0", n: 709 }]),
    "mids.json": JSON.stringify({ APE: "1.96595", BTC: "30135.0", ETH: "1903.95" }),
    "history.json": JSON.stringify({ history: [{ t: 1_790_812_826, p: 0.085 }] }),
    "book.json": JSON.stringify({ coin: "DYDX", levels: [[{ n: 1, px: "2.111", sz: "134.4" }], [{ n: 2, px: "2.1124", sz: "352.3" }]], time: 1_689_630_203_930 }),
    "broken.json": "[{\"t\": 1,",
    "other.json": JSON.stringify({ markets: [] }),
  };
  for (const [name, text] of Object.entries(fixtures)) await writeFile(file(name), text);
  await utimes(file("mids.json"), new Date(1_700_000_000_000), new Date(1_700_000_000_000));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("importRecordedFile", () => {
  it("splits a candleSnapshot recording per coin", async () => {
    const batches = await importRecordedFile(file("candles.json"));
    expect(batches.map((b) => b.kind === "candles" && [b.symbol, b.candles.length])).toEqual([["BTC", 1], ["SOL", 1]]);
  });

  it("stamps allMids with the file's modification time unless told the time", async () => {
    expect(await importRecordedFile(file("mids.json"))).toMatchObject([{ kind: "mids", time: 1_700_000_000_000 }]);
    expect(await importRecordedFile(file("mids.json"), { timeMs: 42 })).toMatchObject([{ kind: "mids", time: 42, mids: [{ symbol: "APE", time: 42, price: 1.96595 }, {}, {}] }]);
  });

  it("reads an l2Book and a prices-history with its token id", async () => {
    expect(await importRecordedFile(file("book.json"))).toMatchObject([{ kind: "book", symbol: "DYDX" }]);
    expect(await importRecordedFile(file("history.json"), { tokenId: "77" })).toEqual([
      { kind: "prediction-prices", tokenId: "77", points: [{ tokenId: "77", time: 1_790_812_826_000, price: 0.085 }] },
    ]);
  });

  it.each([
    ["coarser candles", "hourly.json", {}, 'interval "1h": only 1m candles are stored'],
    ["prices-history without its token", "history.json", {}, "history.json: a prices-history response does not name its token"],
    ["a truncated file", "broken.json", {}, "broken.json: not JSON"],
    ["an unknown shape", "other.json", {}, "other.json: not a recognized recording"],
  ])("refuses %s with the file named", async (_name, name, options, message) => {
    const attempt = importRecordedFile(file(name), options);
    await expect(attempt).rejects.toThrow(RecordedFormatError);
    await expect(importRecordedFile(file(name), options)).rejects.toThrow(message);
  });

  it("lets a missing file fail with the path in the error", async () => {
    await expect(importRecordedFile(file("nope.json"))).rejects.toThrow("nope.json");
  });
});
