import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_USER, signIn, signOut } from "./helpers";

test("signed-out visitors are sent to sign-in from /admin", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);
});

test("a non-admin opening /admin sees the 403 page", async ({ page }) => {
  await signIn(page, DEMO_USER, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/wallet$/);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/admins only/i);
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("the demo admin reaches /admin and grants credits; bad input changes nothing", async ({ page }) => {
  await signIn(page, DEMO_ADMIN, DEMO_PASSWORD, "/signin?callbackUrl=%2Fadmin");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Operations");

  const graceRow = page.getByTestId("users").getByRole("row").filter({ hasText: DEMO_USER });
  const before = (await graceRow.getByRole("cell").last().textContent())!;

  // a negative amount: refused on the amount field, nothing changes
  await page.getByLabel("User email").fill(DEMO_USER);
  await page.getByLabel("Amount").fill("-50");
  await page.getByLabel("Reason").fill("Tournament prize");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.getByTestId("error-amount")).toHaveText("Amount must be positive");
  await page.reload();
  await expect(graceRow.getByRole("cell").last()).toHaveText(before);

  // an unknown user: refused on the email field
  await page.getByLabel("User email").fill("nobody@clash.local");
  await page.getByLabel("Amount").fill("50");
  await page.getByLabel("Reason").fill("Tournament prize");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.getByTestId("error-email")).toHaveText("No user has this email");

  // a real grant
  await page.getByLabel("User email").fill(DEMO_USER);
  await page.getByLabel("Amount").fill("50");
  await page.getByLabel("Reason").fill("Tournament prize");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Granted 50 credits" })).toBeVisible();
  const beforeCents = Math.round(Number(before.replace(/[^\d.]/g, "")) * 100);
  await expect(graceRow.getByRole("cell").last()).toContainText(
    ((beforeCents + 5000) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 }),
  );

  await signOut(page);
  await signIn(page, DEMO_USER, DEMO_PASSWORD);
  await expect(page.getByTestId("wallet-history")).toContainText("Admin grant: Tournament prize");
  await expect(page.getByTestId("wallet-history")).toContainText("+50.00");
});
