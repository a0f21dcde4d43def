import { expect, test } from "@playwright/test";

test("the navigation reaches every section, and empty sections say what will appear", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation").first();
  for (const name of ["Arena", "Hall of Fame", "Studio", "Wallet"]) await expect(nav.getByRole("link", { name })).toBeVisible();

  await nav.getByRole("link", { name: "Arena" }).click();
  await expect(page).toHaveURL(/\/arena$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Arena");
  await expect(page.locator("main")).toContainText(/race/i);

  await nav.getByRole("link", { name: "Hall of Fame" }).click();
  await expect(page).toHaveURL(/\/hall-of-fame$/);
  await expect(page.locator("main")).toContainText(/retired/i);

  await nav.getByRole("link", { name: "Studio" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fstudio/);
});

test("health reports the database, the scheduler's workers and the version", async ({ request }) => {
  await expect
    .poll(async () => (await (await request.get("/api/health")).json()).scheduler.workers.length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const health = await response.json();
  expect(health).toMatchObject({ status: "ok", database: { ok: true }, scheduler: { mode: "embedded" } });
  expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(health.scheduler.workers[0]).toMatchObject({ healthy: true });
});
