import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USER, signIn, signOut } from "./helpers";

test("the seeded demo clones trade on replay data; a clone page shows decisions with reasoning, fills and positions", async ({ page }) => {
  await signIn(page, DEMO_USER, DEMO_PASSWORD, "/signin?callbackUrl=%2Fstudio");
  await expect(page).toHaveURL(/\/studio$/);
  const mine = page.getByTestId("my-clones");
  await expect(mine.getByRole("link", { name: /Momentum Mo/ })).toBeVisible();
  await expect(mine.getByRole("link", { name: /Spike Spencer/ })).toBeVisible();
  await mine.getByRole("link", { name: /Momentum Mo/ }).click();
  await expect(page.getByTestId("clone-name")).toHaveText("Momentum Mo");

  // the decision job runs every minute; the first one comes right after start
  const decisions = page.getByTestId("decisions");
  await expect(async () => {
    await page.reload();
    await expect(decisions.getByText(/Traded|Hold/).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  // every decision shows its reasoning as text, with the numbers it used
  await expect(decisions.locator("li").first()).toContainText(/EMA\(\d+\)/);
  await expect(page.getByTestId("equity")).toHaveText(/^\$\d{1,3}(,\d{3})*\.\d{2}/);
  await expect(page.getByTestId("positions")).toBeVisible();
  await expect(page.getByTestId("fills")).toBeVisible();
});

test("a creator starts a clone from a template and it runs privately", async ({ page }) => {
  await signIn(page, DEMO_USER, DEMO_PASSWORD, "/signin?callbackUrl=%2Fstudio");
  const form = page.getByRole("form", { name: "Create a clone from a template" });
  await form.getByLabel("Template").selectOption("mean-reversion");
  await form.getByLabel("Asset").selectOption("ETH");
  await form.getByLabel("Name").fill("Rita Junior");
  await form.getByRole("button", { name: "Create and run" }).click();
  await expect(page).toHaveURL(/\/clones\/[a-z0-9]+$/);
  await expect(page.getByTestId("clone-name")).toHaveText("Rita Junior");
  await expect(page.getByTestId("equity")).toHaveText("$10,000.00");

  // someone else's clone is not theirs to see
  const url = page.url();
  await signOut(page);
  await signIn(page, "linus@clash.local", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/wallet$/);
  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
});
