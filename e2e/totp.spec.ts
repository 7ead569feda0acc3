import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { createUserViaUi, fillSignIn, newSignedInPage, screenshot, signIn, signOut, uniqueEmail } from "./support/journey";

const PERIOD_MS = 30_000;

/** The code for an RFC 6238 time step (SHA-1, 6 digits, 30 s), as an authenticator app shows it. */
function codeForStep(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), period: PERIOD_MS / 1000 }).generate({ timestamp: step * PERIOD_MS });
}

async function submitCode(page: Page, code: string) {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}

test("a user enrols TOTP, then signs in with a code that works only once", async ({ page: adminPage, browser }) => {
  const email = uniqueEmail("totp");
  const password = "totp-journey-password-1";
  await signIn(adminPage, "admin@assay.local");
  await createUserViaUi(adminPage, { email, name: "Toni Totp", password, roles: ["ops"] });

  const page = await newSignedInPage(browser, email, password);
  await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  const secret = (await page.getByLabel("Secret key").inputValue()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await screenshot(page, "account-totp");

  // Enrol with the current step's code: the server records that step as used.
  const enrolStep = Math.floor(Date.now() / PERIOD_MS);
  await page.getByLabel("Authentication code").fill(codeForStep(secret, enrolStep));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();
  await expect(page.getByLabel("Current code from your app")).toBeVisible();
  await screenshot(page, "account-mfa-on");
  await signOut(page);

  // Password alone is not enough now: the code step appears.
  await fillSignIn(page, email, password);
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await expect(page.getByText(`Two-step verification for ${email}`)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await screenshot(page, "sign-in-code");
  // The next step's code: accepted within the ±1 step window, and newer than the enrolment's.
  const signInCode = codeForStep(secret, enrolStep + 1);
  await submitCode(page, signInCode);
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { name: /^Welcome, Toni/ })).toBeVisible();
  await signOut(page);

  // Replaying the same code is refused, even with the right password.
  await fillSignIn(page, email, password);
  await submitCode(page, signInCode);
  await expect(page.getByText(/That code is not valid \(or was already used\)/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.context().close();
});
