import { expect, test, type Page } from "@playwright/test";
import { DEMO_ADMIN, DEMO_PASSWORD, signIn } from "./helpers";

async function setLevel(page: Page, label: "Off" | "Pause" | "Flatten" | "Emergency", reason: string) {
  await page.getByRole("group", { name: "Kill switch level" }).getByRole("button", { name: new RegExp(`^${label}`) }).click();
  await page.getByRole("form", { name: `Set kill switch to ${label}` }).getByRole("textbox", { name: "Reason", exact: true }).fill(reason);
  await page.getByRole("button", { name: label === "Off" ? "Turn the kill switch off" : `Switch to ${label}` }).click();
  await expect(page.getByTestId("kill-switch-level")).toHaveText(label);
}

test("an admin moves the kill switch through every level; each change is shown with who and why", async ({ page }) => {
  await signIn(page, DEMO_ADMIN, DEMO_PASSWORD, "/signin?callbackUrl=%2Fadmin%2Fruntime");
  await expect(page).toHaveURL(/\/admin\/runtime$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Runtime controls");
  await expect(page.getByTestId("kill-switch-level")).toHaveText("Off");

  // no reason: refused on the reason field, the level does not change
  await page.getByRole("group", { name: "Kill switch level" }).getByRole("button", { name: /^Pause/ }).click();
  await page.getByRole("button", { name: "Switch to Pause" }).click();
  await expect(page.getByText("Give a reason (at least 3 characters)")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("kill-switch-level")).toHaveText("Off");

  await setLevel(page, "Pause", "Exchange incident drill");
  await setLevel(page, "Flatten", "Wind every position down");
  await setLevel(page, "Emergency", "Stop everything now");
  await setLevel(page, "Off", "Drill over");

  const log = page.getByTestId("control-changes");
  const rows = log.getByRole("row").filter({ hasText: "kill-switch" });
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("emergency → none");
  await expect(rows.nth(0)).toContainText("Drill over");
  await expect(rows.nth(3)).toContainText("Exchange incident drill");
  for (let i = 0; i < 4; i++) await expect(rows.nth(i)).toContainText(DEMO_ADMIN);
});

test("the assertions board lists every runtime assertion; a limit out of range is refused with its range", async ({ page }) => {
  await signIn(page, DEMO_ADMIN, DEMO_PASSWORD, "/signin?callbackUrl=%2Fadmin%2Fruntime");
  const board = page.getByTestId("assertions-board");
  for (const name of ["action-has-order", "order-has-fill-or-state", "positions-match-fills", "equity-identity", "instruments-in-scope", "no-future-data", "capital-caps", "heartbeats-fresh"]) {
    await expect(board.getByText(name, { exact: true })).toBeVisible();
  }
  const form = page.getByRole("form", { name: "Max leverage" });
  await form.getByLabel("Max leverage (x)").fill("500");
  await form.getByLabel("Reason to change Max leverage").fill("testing the range");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toHaveText("Max leverage must be between 1 and 50 x");
  await page.reload();
  await expect(page.getByRole("form", { name: "Max leverage" }).getByLabel("Max leverage (x)")).toHaveValue("20");
});
