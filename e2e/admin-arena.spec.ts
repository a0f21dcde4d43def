import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_USER, signIn } from "./helpers";

// The e2e server runs fast races (scripts/e2e-server.ts): 1 race minute taking tickets
// and 3 live at a time scale of 2, i.e. 30 s and 90 s on the wall clock. Journeys after
// this one count on that schedule, so the schedule test puts it back.

const FIELDS = ["Accumulation", "Live", "Time scale"] as const;
type Schedule = Record<(typeof FIELDS)[number], string>;

const scheduleForm = (page: Page) => page.getByRole("form", { name: "Race schedule" });
const field = (page: Page, label: (typeof FIELDS)[number]) => scheduleForm(page).getByRole("textbox", { name: label, exact: true });

async function readSchedule(page: Page): Promise<Schedule> {
  const out = {} as Schedule;
  for (const f of FIELDS) out[f] = await field(page, f).inputValue();
  return out;
}

const reasonField = (page: Page) => scheduleForm(page).getByRole("textbox", { name: "Reason" });

async function saveSchedule(page: Page, s: Schedule) {
  for (const f of FIELDS) await field(page, f).fill(s[f]);
  await reasonField(page).fill("e2e: the schedule put back");
  await scheduleForm(page).getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByTestId("schedule-saved")).toBeVisible();
}

/** Seconds left on a race's countdown ("0:23"); 0 once it reads "launching…". */
async function secondsLeft(row: Locator): Promise<number> {
  const text = (await row.getByRole("timer").textContent().catch(() => null)) ?? "";
  const m = /^(\d+):(\d{2})$/.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

test("an admin changes the race schedule: a value out of range is refused on its field, a good one is saved", async ({ page }) => {
  await signIn(page, DEMO_ADMIN, DEMO_PASSWORD, "/signin?callbackUrl=%2Fadmin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole("link", { name: "Arena controls" }).click();
  await expect(page).toHaveURL(/\/admin\/arena$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Arena controls");

  const original = await readSchedule(page);
  const currentText = await page.getByTestId("schedule-current").textContent();
  expect(original).toEqual({ Accumulation: "1", Live: "3", "Time scale": "2" });
  await expect(page.getByTestId("schedule-current")).toContainText("each race accumulates 30 s, races 1 min 30 s on the wall clock");

  // the wall-clock result follows the typing
  await field(page, "Live").fill("240");
  await field(page, "Time scale").fill("30");
  await expect(page.getByTestId("schedule-preview")).toContainText("accumulates 2 s, races 8 min");

  // out of range: refused on the time scale field, nothing saved
  await reasonField(page).fill("trying a time scale of zero");
  await field(page, "Time scale").fill("0");
  await expect(page.getByTestId("schedule-preview")).toContainText("Enter three positive numbers");
  await scheduleForm(page).getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByTestId("error-timeScale")).toHaveText("Time scale must be a number from 1 to 10,000");
  await expect(field(page, "Time scale")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  expect(await readSchedule(page)).toEqual(original);
  await expect(page.getByTestId("schedule-current")).toHaveText(currentText!);

  let changed = false;
  try {
    // a good value without a reason: refused on the reason field
    await field(page, "Live").fill("2");
    await expect(page.getByTestId("schedule-preview")).toContainText("accumulates 30 s, races 1 min");
    await scheduleForm(page).getByRole("button", { name: "Save schedule" }).click();
    await expect(page.getByTestId("error-reason")).toHaveText("Give a reason for the change (at least 3 characters)");
    // with one: saved, and still there after a reload, with who and why in the change log
    await reasonField(page).fill("a shorter live phase for this run");
    await scheduleForm(page).getByRole("button", { name: "Save schedule" }).click();
    changed = true;
    await expect(page.getByTestId("schedule-saved")).toContainText("From the next race that opens: accumulates 30 s, races 1 min");
    await page.reload();
    expect(await readSchedule(page)).toEqual({ ...original, Live: "2" });
    await expect(page.getByTestId("schedule-current")).toContainText("1 race minute taking tickets and 2 race minutes live at time scale ×2");
    await expect(page.getByTestId("schedule-current")).toContainText("races 1 min on the wall clock");
    const latest = page.getByTestId("schedule-changes").getByRole("listitem").first();
    await expect(latest).toContainText(DEMO_ADMIN);
    await expect(latest).toContainText("1 + 3 race min at ×2 → 1 + 2 race min at ×2");
    await expect(latest).toContainText("a shorter live phase for this run");
  } finally {
    if (changed) {
      await page.goto("/admin/arena");
      await saveSchedule(page, original);
    }
  }
  await page.reload();
  expect(await readSchedule(page)).toEqual(original);
});

test("an admin cancels the race taking tickets with a reason; every ticket is refunded in full", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, DEMO_ADMIN, DEMO_PASSWORD, "/signin?callbackUrl=%2Fadmin%2Farena");
  await expect(page).toHaveURL(/\/admin\/arena$/);

  // the race taking tickets, once the demo backers have bought on it (one ticket every 7 s) and
  // with time to spare before it launches (the list refreshes every 3 s)
  const accumulating = page.locator('[data-testid="open-race"][data-status="ACCUMULATING"]');
  const ready = async () => (await secondsLeft(accumulating)) >= 12 && Number((await accumulating.getByTestId("tickets").textContent().catch(() => null)) ?? 0) >= 1;
  await expect.poll(ready, { timeout: 90_000, intervals: [500] }).toBe(true);
  const number = Number(await accumulating.getAttribute("data-race-number"));
  const row = page.locator(`[data-testid="open-race"][data-race-number="${number}"]`);
  await expect(row.getByTestId("race-status")).toHaveText("Taking tickets");

  await row.getByRole("button", { name: `Cancel Race #${number}` }).click();
  const form = page.getByRole("form", { name: `Cancel Race #${number}` });
  await expect(form).toContainText("Every ticket is refunded in full");
  await expect(form.getByRole("textbox", { name: "Reason" })).toBeFocused();

  // too short a reason: refused on the field, the race goes on
  await form.getByRole("textbox", { name: "Reason" }).fill("no");
  await form.getByRole("button", { name: "Cancel and refund every ticket" }).click();
  await expect(form.getByTestId("error-reason")).toHaveText("Give a reason (at least 3 characters)");
  await expect(row.getByTestId("race-status")).toHaveText("Taking tickets");

  const tickets = Number(await row.getByTestId("tickets").textContent());
  await form.getByRole("textbox", { name: "Reason" }).fill("Exchange feed outage drill");
  await form.getByRole("button", { name: "Cancel and refund every ticket" }).click();
  const outcome = page.getByTestId("cancel-outcome");
  await expect(outcome).toContainText(`Race #${number} cancelled`);
  await expect(outcome).toContainText("Every ticket was refunded in full");

  // out of play, listed as cancelled with its reason; the next race takes tickets
  await expect(row).toHaveCount(0);
  const finished = page.getByTestId("finished-races").locator(`tr[data-race-number="${number}"]`);
  await expect(finished.getByTestId("race-status")).toHaveText("Cancelled");
  await expect(finished).toContainText("Cancelled by an operator: Exchange feed outage drill");
  await expect(page.locator('[data-testid="open-race"][data-status="ACCUMULATING"]')).toHaveAttribute("data-race-number", /\d+/, { timeout: 15_000 });
  expect(Number(await page.locator('[data-testid="open-race"][data-status="ACCUMULATING"]').getAttribute("data-race-number"))).toBeGreaterThan(number);

  // the race page says so, and every stake came back in full
  await outcome.getByRole("link", { name: `Open Race #${number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/races/${number}$`));
  await expect(page.getByTestId("race-status").first()).toHaveText("Cancelled");
  await expect(page.getByTestId("cancelled")).toContainText("Cancelled by an operator: Exchange feed outage drill");
  await expect(page.getByTestId("cancelled")).toContainText("Every ticket was refunded in full.");
  const refunds = page.getByRole("region", { name: "Refunds" }).getByTestId("payout-row");
  await expect(refunds.first()).toBeVisible();
  const pairs = await refunds.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("[data-cents]")].map((c) => Number(c.getAttribute("data-cents")))));
  expect(pairs.length).toBeGreaterThanOrEqual(Math.min(tickets, 25));
  for (const [stake, refund] of pairs) {
    expect(stake).toBeGreaterThan(0);
    expect(refund).toBe(stake);
  }
});

test("a non-admin opening /admin/arena sees the 403 page", async ({ page }) => {
  await signIn(page, DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/wallet$/);
  const response = await page.goto("/admin/arena");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/admins only/i);
  await expect(page.getByRole("form", { name: "Race schedule" })).toHaveCount(0);
});
