import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_PASSWORD, signIn } from "./helpers";

test("fresh replay data flows and the Ingestion health page is green", async ({ page, request }) => {
  // the embedded scheduler syncs the replay source at start and every 15 s
  await expect
    .poll(async () => (await (await request.get("/api/health")).json()).ingestion?.green ?? 0, { timeout: 30_000 })
    .toBe(22);
  const health = await (await request.get("/api/health")).json();
  expect(health.ingestion).toMatchObject({ channels: 22, green: 22, yellow: 0, red: 0, openGaps: 0, paused: [] });

  await signIn(page, DEMO_ADMIN, DEMO_PASSWORD, "/signin?callbackUrl=%2Fadmin%2Fingestion");
  await expect(page).toHaveURL(/\/admin\/ingestion$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingestion health");
  await expect(page.getByTestId("count-green")).toHaveText("22");
  await expect(page.getByTestId("count-red")).toHaveText("0");
  const btcCandles = page.locator('[data-channel="replay:candles:HYPERLIQUID:BTC"]');
  await expect(btcCandles).toHaveAttribute("data-colour", "GREEN");
  await expect(btcCandles).toContainText("1m candles");
  // six hours of history were filled at start: 360 closed minutes at least
  const rows = Number((await btcCandles.getByRole("cell").nth(4).textContent())!.replace(/,/g, ""));
  expect(rows).toBeGreaterThanOrEqual(360);

  // an operator's retry syncs the channel's source at once
  await btcCandles.getByRole("button", { name: "Retry replay:candles:HYPERLIQUID:BTC" }).click();
  await expect(btcCandles.getByText("Synced")).toBeVisible();

  // pausing needs a reason, and is shown
  const replayRow = page.getByRole("row").filter({ has: page.getByText("replay", { exact: true }) });
  await replayRow.getByRole("button", { name: "Pause" }).click();
  await expect(replayRow.getByText("Give a reason (at least 3 characters)")).toBeVisible();
  await replayRow.getByLabel("Reason to pause replay").fill("demo maintenance");
  await replayRow.getByRole("button", { name: "Pause" }).click();
  await expect(replayRow.getByText("Paused")).toBeVisible();
  expect((await (await request.get("/api/health")).json()).ingestion.paused).toEqual(["replay"]);
  await replayRow.getByLabel("Reason to resume replay").fill("maintenance done");
  await replayRow.getByRole("button", { name: "Resume" }).click();
  await expect(replayRow.getByText("Running")).toBeVisible();
});
