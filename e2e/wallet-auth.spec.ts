import { expect, test } from "@playwright/test";
import { signIn, signOut, signUp, uniqueEmail } from "./helpers";

test("sign up -> 1,000.00 credits with the grant entry; sign out and in again", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await signUp(page, "Nova Newcomer", email, "correct-horse-battery");

  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByTestId("wallet-balance")).toHaveText(/1,000\.00/);
  const history = page.getByTestId("wallet-history");
  await expect(history.getByRole("row")).toHaveCount(2); // header + the grant
  await expect(history).toContainText("Signup grant");
  await expect(history).toContainText("+1,000.00");
  await expect(page.getByTestId("nav-user").first()).toContainText("Nova Newcomer");

  await signOut(page);
  await page.goto("/wallet");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fwallet/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByTestId("wallet-balance")).toHaveText(/1,000\.00/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, "grace@clash.local", "not-her-password");
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);
});

test("sign-up with bad input names the field and creates nothing", async ({ page }) => {
  await signUp(page, "Bad Email", "not-an-email", "long-enough-password");
  await expect(page.getByTestId("error-email")).toHaveText("Enter a valid email address");
  await expect(page).toHaveURL(/\/signup/);

  const email = uniqueEmail("shortpw");
  await signUp(page, "Short Password", email, "short");
  await expect(page.getByTestId("error-password")).toHaveText("Password must be at least 8 characters");
  await expect(page.getByTestId("error-email")).toHaveCount(0);

  // nothing was created: no account exists to sign in to, and the email is still free
  await signIn(page, email, "short");
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
  await signUp(page, "Short Password", email, "now-long-enough");
  await expect(page).toHaveURL(/\/wallet$/);
  await expect(page.getByTestId("wallet-balance")).toHaveText(/1,000\.00/);
});

test("signing up twice with one email is refused on the email field", async ({ page }) => {
  await signUp(page, "Copycat", "grace@clash.local", "another-password");
  await expect(page.getByTestId("error-email")).toHaveText("An account with this email already exists");
});
