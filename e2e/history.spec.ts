import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USER, signIn, signOut } from "./helpers";

const STATUS_VALUE: Record<string, string> = { Traded: "ACTION", Hold: "HOLD", Rejected: "REJECTED", "No trade": "NO_TRADE" };

/** Spike Spencer decides every minute on replay data: open its history once it has at least `count` decisions. */
async function openHistory(page: Page, count: number) {
  await signIn(page, DEMO_USER, DEMO_PASSWORD, "/signin?callbackUrl=%2Fstudio");
  await page.getByTestId("my-clones").getByRole("link", { name: /Spike Spencer/ }).click();
  await expect(page.getByTestId("clone-name")).toHaveText("Spike Spencer");
  await page.getByRole("link", { name: "Trading history" }).click();
  await expect(page).toHaveURL(/\/clones\/[a-z0-9]+\/history$/);
  await expect(page.getByTestId("history-clone-name")).toHaveText("Spike Spencer");
  await expect(async () => {
    await page.reload();
    expect(await page.getByTestId("history-decision").count()).toBeGreaterThanOrEqual(count);
  }).toPass({ timeout: 200_000, intervals: [5_000] });
  return page.url();
}

test("a creator reads a clone's trading history: equity chart, decisions with reasoning, filters, pages, CSV", async ({ page }) => {
  test.setTimeout(300_000);
  const url = await openHistory(page, 2);

  // the equity curve: an SVG area drawn through several points
  const curve = page.getByTestId("equity-chart").locator("svg path.recharts-area-curve");
  await expect(curve).toHaveCount(1);
  expect((await curve.getAttribute("d")) ?? "").toMatch(/^M[\d.,-]+(L[\d.,-]+)+/);

  // decisions with the model's reasoning as text, newest first
  const decisions = page.getByTestId("history-decision");
  // every reasoning of the volume-spike rule starts with the bar it read (then: below the threshold,
  // following the spike, or keeping an open position for its exit plan)
  await expect(decisions.first().getByTestId("reasoning")).toContainText(/^The last 1m bar traded [\d,.]+, [\d.]+x the 60-bar average of [\d,.]+, /);
  await decisions.first().getByRole("button", { name: "Validation, prompt and response" }).click();
  const details = page.getByTestId("decision-details").first();
  await expect(details.getByText("Validation result")).toBeVisible();
  await details.getByText("Prompt", { exact: true }).click();
  await expect(details.locator("pre").nth(1)).toContainText("You are Spike Spencer");

  // filter by the first decision's status: every row shown has it, and the URL says so
  const firstStatus = (await decisions.first().getByTestId("decision-status").textContent())!.trim();
  await page.getByLabel("Status").selectOption(STATUS_VALUE[firstStatus]!);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`status=${STATUS_VALUE[firstStatus]}`));
  await expect(page.getByTestId("history-total")).toContainText("match these filters");
  const badges = await page.getByTestId("history-decision").getByTestId("decision-status").allTextContents();
  expect(badges.length).toBeGreaterThan(0);
  expect(new Set(badges.map((b) => b.trim()))).toEqual(new Set([firstStatus]));
  const filtered = Number(/^(\d+)/.exec((await page.getByTestId("history-total").textContent()) ?? "")?.[1]);
  // no more than all of them: the clone keeps deciding while the test runs, so "all" is read after (in another tab)
  const other = await page.context().newPage();
  await other.goto(url);
  const all = Number(/^(\d+)/.exec((await other.getByTestId("history-total").textContent()) ?? "")?.[1]);
  await other.close();
  expect(filtered).toBeLessThanOrEqual(all);

  // the CSV of what is shown: a header row, then rows with that status
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^spike-spencer-decisions-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs.readFileSync((await download.path())!, "utf8").split("\r\n").filter(Boolean);
  expect(lines[0]).toBe(
    "time_utc,decision_id,mode,account_id,asset,status,action,size_pct,leverage,confidence,stop_loss,take_profit,reasoning,reason,latency_ms,input_tokens,output_tokens,cost_usd,clone_version,provider,model",
  );
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z,\\w+,PERSONAL,\\w+,SOL,${STATUS_VALUE[firstStatus]},`));

  // pages: one decision per page, Next moves to an older one
  await page.goto(`${url}?per=1`);
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(pager).toContainText(/Page 1 of \d+/);
  const newest = await page.getByTestId("history-decision").first().textContent();
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/per=1.*page=2|page=2.*per=1/);
  await expect(pager).toContainText(/Page 2 of \d+/);
  await expect(page.getByTestId("history-decision")).toHaveCount(1);
  expect(await page.getByTestId("history-decision").first().textContent()).not.toBe(newest);
});

test("the history and its CSV are the creator's: others get a 404, a signed-out visitor a 401", async ({ page }) => {
  await signIn(page, DEMO_USER, DEMO_PASSWORD, "/signin?callbackUrl=%2Fstudio");
  await page.getByTestId("my-clones").getByRole("link", { name: /Spike Spencer/ }).click();
  await page.getByRole("link", { name: "Trading history" }).click();
  await expect(page).toHaveURL(/\/history$/);
  const history = page.url();
  const csv = history.replace(/\/clones\/([a-z0-9]+)\/history$/, "/api/clones/$1/history?kind=fills");
  const mine = await page.request.get(csv);
  expect(mine.status()).toBe(200);
  expect((await mine.text()).split("\r\n")[0]).toMatch(/^time_utc,fill_id,order_id,/);

  await signOut(page);
  expect((await page.request.get(csv)).status()).toBe(401);
  await signIn(page, "linus@clash.local", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/wallet$/);
  expect((await page.request.get(csv)).status()).toBe(404);
  expect((await page.goto(history))?.status()).toBe(404);
});
