import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

// The e2e server runs fast races (scripts/e2e-server.ts): 30 s taking tickets, 90 s live.

/** Seconds left before the race taking tickets launches, read off its countdown ("0:23"); 0 while launching. */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByTestId("accumulating-race").getByRole("timer").textContent().catch(() => null)) ?? "";
  const m = /^(\d+):(\d{2})$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** Waits for a race taking tickets with at least `seconds` left (the next one, if this one is about to launch); its number. */
async function raceWithTimeLeft(page: Page, seconds: number): Promise<number> {
  await expect.poll(() => secondsLeft(page), { timeout: 60_000, intervals: [500] }).toBeGreaterThanOrEqual(seconds);
  const title = await page.locator("#accumulating-title").textContent();
  return Number(/#(\d+)/.exec(title ?? "")?.[1]);
}

/** "1,234.56 cr" -> 123456 cents */
const cents = (text: string | null) => Math.round(Number((text ?? "").replace(/[^\d.]/g, "")) * 100);

test("a new backer buys a ticket on every entrant, watches the race live and is paid at settlement", async ({ page }) => {
  test.setTimeout(330_000);
  const name = "Rita Racer";
  await signUp(page, name, uniqueEmail("racer"), "correct-horse-battery");
  await expect(page).toHaveURL(/\/wallet$/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Arena" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Arena");
  const number = await raceWithTimeLeft(page, 20);
  const race = page.getByTestId("accumulating-race");
  const form = page.getByRole("form", { name: "Buy a ticket" });
  await expect(form.getByTestId("buy-balance")).toHaveText(/1,000\.00/);

  const poolBefore = cents(await race.getByTestId("pool").textContent());
  const oddsBefore = await page.getByTestId("entrants").getByTestId("odds").allTextContents();
  const entrants = (await form.getByLabel("Clone").locator("option:not([disabled])").allTextContents()).map((s) => s.trim());
  expect(entrants.length).toBeGreaterThanOrEqual(2);

  // 10 credits on every entrant: whichever clone wins, one of these tickets is on it
  for (const clone of entrants) {
    await form.getByLabel("Clone").selectOption({ label: clone });
    await form.getByRole("textbox", { name: "Stake" }).fill("10");
    await expect(form.getByTestId("potential-payout")).toContainText(`If ${clone} finishes 1st`);
    await form.getByRole("button", { name: `Buy 10.00 cr on ${clone}` }).click();
    await expect(form.getByTestId("buy-success")).toContainText(`10.00 credits on ${clone} in Race #${number}`);
  }
  await expect(form.getByTestId("buy-balance")).toHaveText(new RegExp(`${(1000 - 10 * entrants.length).toFixed(2)}`));

  // the pool and the odds moved (the overview is polled every 2 s): at least our stakes more
  await expect.poll(async () => cents(await race.getByTestId("pool").textContent()), { timeout: 10_000 }).toBeGreaterThanOrEqual(poolBefore + entrants.length * 1_000);
  await expect.poll(() => page.getByTestId("entrants").getByTestId("odds").allTextContents(), { timeout: 10_000 }).not.toEqual(oddsBefore);

  // at launch the next race takes the tickets and this one goes live
  const live = page.getByTestId("live-race");
  await expect(live.getByRole("heading", { name: `Race #${number}` })).toBeVisible({ timeout: 45_000 });
  await expect(live.getByTestId("race-status")).toHaveText("Live", { timeout: 10_000 });
  await expect(page.getByTestId("launch-notice")).toContainText(`Race #${number} launched`);
  await expect(live.getByTestId("live-leaderboard").getByRole("listitem")).toHaveCount(entrants.length);

  await live.getByRole("link", { name: `Open Race #${number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/races/${number}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Race #${number}`);
  await expect(page.getByTestId("leaderboard").getByTestId("leaderboard-row")).toHaveCount(entrants.length);

  // the equity chart: an SVG with a line per entrant, and the reasoning feed
  const lines = page.getByTestId("race-equity-chart").locator("svg path.recharts-line-curve");
  // the clones decide on minute boundaries: the first one falls within a minute of going live. A clone
  // that has not traded yet draws a flat line, whose box has no height: Playwright calls that hidden,
  // so the line is checked by its path (two points at least), and the chart itself for visibility
  await expect(lines.first()).toHaveAttribute("d", /^M[\d.,-]+(L[\d.,-]+)+/, { timeout: 75_000 });
  await expect(page.getByTestId("race-equity-chart").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("feed-item").first()).toBeVisible({ timeout: 75_000 });
  await expect(page.getByTestId("feed-item").first()).not.toBeEmpty();

  // settled: places, the pool split, and a payout on one of our tickets
  await expect(page.getByTestId("race-status")).toHaveText(/Settled/, { timeout: 150_000 });
  await expect(page.getByRole("region", { name: "Final standings" }).getByText("1st").first()).toBeVisible();
  await expect(page.getByTestId("settlement")).toContainText("Protocol rake");
  const payouts = page.getByRole("region", { name: "Payouts" }).getByTestId("payout-row").filter({ hasText: name });
  await expect(payouts).toHaveCount(entrants.length);
  const paid = await payouts.evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll("td")[4]?.querySelector("[data-cents]")?.getAttribute("data-cents"))));
  expect(Math.max(...paid)).toBeGreaterThan(0);

  await page.goto("/wallet");
  await expect(page.getByTestId("wallet-history")).toContainText("Race payout");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My tickets" }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  const statuses = page.getByTestId("my-tickets").getByTestId("ticket-status");
  await expect(statuses).toHaveCount(entrants.length);
  const words = await statuses.allTextContents();
  expect(words.every((w) => w === "Won" || w === "Lost")).toBe(true);
  expect(words).toContain("Won");
});

test("a ticket with a stake out of range is refused with a clear message and changes nothing", async ({ page }) => {
  await signUp(page, "Otto Outofrange", uniqueEmail("range"), "correct-horse-battery");
  await expect(page).toHaveURL(/\/wallet$/);
  await page.goto("/arena");
  await raceWithTimeLeft(page, 10);
  const form = page.getByRole("form", { name: "Buy a ticket" });
  const clone = (await form.getByLabel("Clone").locator("option:not([disabled])").first().textContent())!.trim();
  await form.getByLabel("Clone").selectOption({ label: clone });
  const stake = form.getByRole("textbox", { name: "Stake" });

  await stake.fill("0");
  await form.getByRole("button", { name: /^Buy/ }).click();
  await expect(form.getByTestId("error-amount")).toHaveText("Amount must be positive");
  await expect(stake).toHaveAttribute("aria-invalid", "true");

  await stake.fill("5000");
  await form.getByRole("button", { name: /^Buy/ }).click();
  await expect(form.getByTestId("error-amount")).toHaveText("The stake must be from 1.00 to 1,000.00 credits");
  await expect(form.getByTestId("buy-success")).toHaveCount(0);
  await expect(form.getByTestId("buy-balance")).toHaveText(/1,000\.00/);

  // nothing was written: no ticket, and the wallet holds only the signup grant
  await page.goto("/tickets");
  await expect(page.getByRole("heading", { name: "No ticket yet" })).toBeVisible();
  await page.goto("/wallet");
  await expect(page.getByTestId("wallet-balance")).toHaveText(/1,000\.00/);
  await expect(page.getByTestId("wallet-history").getByRole("row")).toHaveCount(2);
});
