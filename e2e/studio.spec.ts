import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USER, signIn } from "./helpers";

// Spike Spencer is Grace's volume-spike demo clone (SOL); the other journeys only read Momentum Mo.
const CLONE = "Spike Spencer";
const LEVERAGE_ERROR = "trading-prompt block 'prompt-1', risk.maxLeverage: Max leverage must be at most 50";

async function openBuilder(page: Page) {
  await signIn(page, DEMO_USER, DEMO_PASSWORD, "/signin?callbackUrl=%2Fstudio");
  await expect(page).toHaveURL(/\/studio$/);
  const card = page.getByTestId("my-clones").getByRole("listitem").filter({ hasText: CLONE });
  await card.getByRole("link", { name: "Open in builder" }).click();
  await expect(page).toHaveURL(/\/studio\/[a-z0-9]+$/);
  await expect(page.getByTestId("builder-clone-name")).toHaveText(CLONE);
}

const status = (page: Page) => page.getByTestId("save-status");
const saveButton = (page: Page) => page.getByRole("button", { name: "Save", exact: true });

async function savedVersion(page: Page): Promise<number> {
  await expect(status(page)).toHaveText(/^Version \d+/);
  return Number(/Version (\d+)/.exec((await status(page).textContent()) ?? "")?.[1]);
}

/** The element's box once it stops moving (the canvas re-frames the graph after a block is added or removed). */
async function settledBox(el: Locator) {
  let last = "";
  for (;;) {
    const box = await el.boundingBox();
    if (box && JSON.stringify(box) === last) return box;
    last = JSON.stringify(box);
    await el.page().waitForTimeout(150);
  }
}

async function readJson(editor: Locator) {
  return JSON.parse(await editor.inputValue()) as {
    blocks: { id: string; tagline?: string; risk?: { maxLeverage: number } }[];
    layout: Record<string, { x: number; y: number }>;
  };
}

test("a creator edits a clone in Custom mode, is refused a bad value, reads its latest data and edits the graph in Power User mode", async ({ page }) => {
  await openBuilder(page);
  await expect(status(page)).toHaveText("Version 1");
  await expect(saveButton(page)).toBeDisabled();

  // Custom: a field edited and saved is a new version, which the clone page shows
  await page.getByRole("tab", { name: "Custom" }).click();
  const prompt = page.getByRole("region", { name: "Trading Prompt Block prompt-1" });
  await prompt.getByLabel("Max position size").fill("12");
  await expect(status(page)).toHaveText("Unsaved changes to version 1");
  await saveButton(page).click();
  await expect(status(page)).toHaveText("Version 2 saved");
  await page.getByRole("link", { name: "Clone page" }).click();
  await expect(page.getByTestId("clone-version")).toHaveText("2");
  await page.getByRole("link", { name: "Edit in builder" }).click();
  await expect(status(page)).toHaveText("Version 2");
  // the graph remembers the mode it was saved in
  await expect(page.getByRole("tab", { name: "Custom" })).toHaveAttribute("aria-selected", "true");
  await expect(prompt.getByLabel("Max position size")).toHaveValue("12");

  // a bad value is named by block and field, and saving it is refused
  await prompt.getByLabel("Max leverage").fill("80");
  await expect(prompt.getByTestId("error-prompt-1.risk.maxLeverage")).toHaveText("Max leverage must be at most 50");
  await expect(page.getByTestId("graph-errors")).toContainText(LEVERAGE_ERROR);
  await expect(prompt.getByText("1 problem")).toBeVisible();
  await saveButton(page).click();
  await expect(status(page)).toHaveText("Not saved: 1 problem to fix");
  await page.getByRole("button", { name: "Discard" }).click();
  await page.reload();
  await expect(status(page)).toHaveText("Version 2");
  await expect(prompt.getByLabel("Max leverage")).toHaveValue("2");

  // Latest Data: what a decision at now sees for the saved asset, with a note when the draft differs
  const asset = page.getByRole("region", { name: "Asset Block asset-1" });
  await asset.getByLabel("Symbol").fill("ETH");
  await asset.getByRole("button", { name: "Latest data" }).click();
  const drawer = page.getByRole("dialog", { name: /Latest data · SOL on Hyperliquid/ });
  await expect(drawer).toContainText("The draft has unsaved changes");
  await expect(drawer).toContainText("from saved version 2");
  const candles = drawer.getByTestId("latest-stream-candles-1");
  await expect(candles.getByTestId("freshness")).toHaveText("Fresh");
  await expect(candles).toContainText(/Newest point \d\d-\d\d \d\d:\d\d UTC/);
  await expect(candles.getByTestId("latest-points").locator("tbody tr")).toHaveCount(5);
  await expect(candles.getByTestId("latest-points").locator("thead")).toContainText("close");
  await expect(candles.getByTestId("latest-indicators")).toContainText(/ema\(20\)\s*[\d,]+\.\d+/);
  await expect(drawer.getByTestId("latest-price")).toHaveText(/^[\d,]+(\.\d+)?$/);
  await expect(drawer.getByTestId("latest-problems")).toHaveText("None: every stream is fresh.");
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await page.getByRole("button", { name: "Discard" }).click();

  // Power User: the blocks and edges of the graph
  await page.getByRole("tab", { name: "Power User" }).click();
  const canvas = page.getByTestId("graph-canvas");
  await canvas.evaluate((el) => el.scrollIntoView({ block: "center" }));
  for (const id of ["candles-1", "asset-1", "prompt-1", "clone-1"]) await expect(canvas.getByTestId(`node-${id}`)).toBeVisible();
  // (a level edge is a flat SVG path, zero pixels high, which Playwright calls hidden: count them instead)
  for (const [from, to] of [["candles-1", "asset-1"], ["asset-1", "prompt-1"], ["prompt-1", "clone-1"]]) {
    await expect(canvas.getByRole("group", { name: `Edge from ${from} to ${to}` }).locator("path.react-flow__edge-path")).toHaveCount(1);
  }

  // add a block, connect it, remove it again
  await page.getByRole("button", { name: "+ Data Stream" }).click();
  await expect(canvas.getByTestId("node-stream-1")).toContainText("1 problem");
  const inspector = page.getByTestId("inspector");
  await inspector.getByLabel("Connect stream-1 to").selectOption("asset-1");
  await inspector.getByRole("button", { name: "Connect", exact: true }).click();
  await expect(canvas.getByRole("group", { name: "Edge from stream-1 to asset-1" })).toHaveCount(1);
  await expect(canvas.getByTestId("node-stream-1")).not.toContainText("problem");
  await inspector.getByRole("button", { name: "Remove block" }).click();
  await expect(canvas.getByTestId("node-stream-1")).toHaveCount(0);
  await expect(canvas.getByRole("group", { name: /^Edge from/ })).toHaveCount(3);

  // dragging a block moves it in the graph's layout
  const editor = page.getByLabel("Graph JSON");
  const before = (await readJson(editor)).layout["clone-1"]!;
  await canvas.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const box = await settledBox(canvas.getByTestId("node-clone-1"));
  await page.mouse.move(box.x + box.width / 2, box.y + 14);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 104, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await readJson(editor)).layout["clone-1"]!.y).toBeGreaterThan(before.y + 40);

  // raw JSON: an invalid document names the block and field and changes nothing
  const doc = await readJson(editor);
  doc.blocks.find((b) => b.id === "prompt-1")!.risk!.maxLeverage = 80;
  await editor.fill(JSON.stringify(doc, null, 2));
  await page.getByRole("button", { name: "Apply JSON" }).click();
  await expect(page.getByTestId("json-errors")).toContainText(LEVERAGE_ERROR);
  await expect(page.getByTestId("graph-errors")).toBeHidden();

  // a valid one replaces the draft and saves as the next version, layout included
  doc.blocks.find((b) => b.id === "prompt-1")!.risk!.maxLeverage = 3;
  doc.blocks.find((b) => b.id === "clone-1")!.tagline = "Edited as JSON.";
  await editor.fill(JSON.stringify(doc, null, 2));
  await page.getByRole("button", { name: "Apply JSON" }).click();
  await expect(page.getByText("Applied to the draft.")).toBeVisible();
  await saveButton(page).click();
  await expect(status(page)).toHaveText("Version 3 saved");
  await page.reload();
  await expect(page.getByRole("tab", { name: "Power User" })).toHaveAttribute("aria-selected", "true");
  const saved = await readJson(page.getByLabel("Graph JSON"));
  expect(saved.blocks.find((b) => b.id === "clone-1")?.tagline).toBe("Edited as JSON.");
  expect(saved.blocks.find((b) => b.id === "prompt-1")?.risk?.maxLeverage).toBe(3);
  expect(saved.layout["clone-1"]?.y).toBe(doc.layout["clone-1"]?.y);
});

test("saving on top of a version saved elsewhere is refused as a conflict; the latest version can be loaded", async ({ page, context }) => {
  await openBuilder(page);
  const other = await context.newPage();
  await other.goto(page.url());
  const version = await savedVersion(page);
  await expect(status(other)).toHaveText(`Version ${version}`);

  for (const [tab, tagline] of [[page, "Saved in the first tab."], [other, "Saved in the second tab."]] as const) {
    await tab.getByRole("tab", { name: "Custom" }).click();
    await tab.getByRole("region", { name: "Trading Clone Block clone-1" }).getByLabel("Tagline").fill(tagline);
  }
  await saveButton(page).click();
  await expect(status(page)).toHaveText(`Version ${version + 1} saved`);

  await saveButton(other).click();
  const conflict = other.getByRole("alert").filter({ hasText: "no longer the latest" });
  await expect(conflict).toContainText(`Not saved: version ${version} is no longer the latest`);
  await expect(conflict).toContainText("saved elsewhere in the meantime");
  await expect(status(other)).toHaveText(`Unsaved changes to version ${version}`);

  await conflict.getByRole("button", { name: /Load the latest version/ }).click();
  await expect(status(other)).toHaveText(`Version ${version + 1} loaded`);
  await expect(other.getByRole("region", { name: "Trading Clone Block clone-1" }).getByLabel("Tagline")).toHaveValue("Saved in the first tab.");
});

test("a creator backtests the saved clone over market memory: refusals name the field, then the run's window, coverage and figures", async ({ page }) => {
  await openBuilder(page);
  const card = page.getByTestId("backtest-card");
  await card.scrollIntoViewIfNeeded();
  const from = card.getByLabel("From");
  const to = card.getByLabel("To (through the end of the day)");

  // a window market memory has nothing in: refused, and the message says how to fill it
  await from.fill("2020-01-01");
  await to.fill("2020-01-02");
  await card.getByRole("button", { name: "Run backtest" }).click();
  await expect(card.getByRole("alert")).toContainText("market memory has no SOL minutes");
  await expect(card.getByRole("alert")).toContainText("npm run market -- backfill");

  // from after to
  await from.fill("2020-01-05");
  await card.getByRole("button", { name: "Run backtest" }).click();
  await expect(card.getByRole("alert")).toContainText("must be before to");

  // the last week up to now: the demo's replay minutes, decided as the runner decides them
  const today = new Date().toISOString().slice(0, 10);
  await from.fill(new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10));
  await to.fill(today);
  await card.getByRole("button", { name: "Run backtest" }).click();
  await expect(card.getByRole("alert")).toHaveCount(0);
  const window = card.getByTestId("backtest-window");
  await expect(window).toContainText(/^SOL, \d{4}-\d\d-\d\d 00:00 UTC → \d{4}-\d\d-\d\d \d\d:\d\d UTC: [\d.]+ (minutes|hours|days) of minutes in market memory/, { timeout: 60_000 });
  await expect(window).toContainText(today);
  // the Decisions figure: the value under its label
  const decisions = card.getByText("Decisions", { exact: true }).locator("xpath=..").locator("span").first();
  expect(Number((await decisions.textContent())?.replace(/,/g, ""))).toBeGreaterThan(0);
  for (const label of ["Return", "Sharpe / Sortino", "Max drawdown", "Win rate", "Trades"]) await expect(card.getByText(label, { exact: true })).toBeVisible();
});
