import { expect, test } from "@playwright/test";
import {
  DEMO_PASSWORD,
  expectedNavigation,
  fillSignIn,
  mainNavigation,
  ROLE_LABELS,
  screenshot,
  signIn,
  signOut,
  type Role,
} from "./support/journey";

test.describe("sign-in", () => {
  test("a wrong password is refused with an inline error", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in to Assay" })).toBeVisible();
    await screenshot(page, "sign-in");

    // The seeded two-role account: no other journey signs in as it.
    await fillSignIn(page, "lead-and-qa@assay.local", "not-the-password");
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel("Email")).toHaveValue("lead-and-qa@assay.local");

    // The right password still works (and clears the account's failure counter).
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
  });

  test("pages carry a per-request nonce CSP and run under it without violations", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const first = await page.goto("/sign-in");
    const second = await page.request.get("/sign-in");
    const csp = first?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(second.headers()["content-security-policy"]).not.toBe(csp);

    await signIn(page, "security_lead@assay.local");
    await page.getByRole("link", { name: "Account" }).click();
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("signed-out visitors are sent to sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/settings/users");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fusers$/);
    await expect(page.getByRole("heading", { name: "Sign in to Assay" })).toBeVisible();
  });

  test("after sign-in the visitor lands where they were going", async ({ page }) => {
    await page.goto("/settings/account");
    await page.getByLabel("Email").fill("auditor@assay.local");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/account$/);
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  });

  for (const role of Object.keys(ROLE_LABELS) as Role[]) {
    test(`${role} sees exactly the sections of that role, then signs out`, async ({ page }) => {
      await signIn(page, `${role}@assay.local`);
      await expect(mainNavigation(page)).toHaveText(expectedNavigation([role]));
      if (role !== "admin") await expect(mainNavigation(page).getByText("Users", { exact: true })).toHaveCount(0);
      await expect(page.getByRole("list", { name: "Your roles" })).toContainText(ROLE_LABELS[role]);

      if (role === "admin" || role === "auditor") {
        await expect(page.getByRole("heading", { name: "What you'll do here" })).toBeVisible();
        await screenshot(page, `home-${role}`);
      }
      if (role === "admin") {
        await expect(page.getByRole("link", { name: /Users without MFA/ })).toBeVisible();
        await page.goto("/no-such-page");
        await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
        await screenshot(page, "404");
        // Signed in, the sign-in page sends the visitor on.
        await page.goto("/sign-in?callbackUrl=%2Fsettings%2Fusers");
        await expect(page).toHaveURL(/\/settings\/users$/);
        await page.goto("/");
      } else {
        await expect(page.getByRole("link", { name: /Users without MFA/ })).toHaveCount(0);
      }

      await signOut(page);
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in/);
    });
  }
});
