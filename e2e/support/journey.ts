import { expect, type Browser, type Page } from "@playwright/test";

/** The seeded demo accounts share this password (db/seed.ts). */
export const DEMO_PASSWORD = "assay-demo-password";

export const ROLE_LABELS = {
  admin: "Admin",
  ml_engineer: "ML engineer",
  data_scientist: "Data scientist",
  ml_lead: "ML lead",
  qa_lead: "QA lead",
  security_lead: "Security lead",
  product_owner: "Product owner",
  compliance_officer: "Compliance officer",
  ops: "Ops",
  auditor: "Auditor",
} as const;
export type Role = keyof typeof ROLE_LABELS;

/** A unique address per run, so journeys can run in any order against one database. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.assay.local`;
}

export function screenshot(page: Page, name: string) {
  return page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in with email and password and waits to leave the sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
}

/** The sections each role may open, in sidebar order (app/(dashboard)/navigation.ts). */
export function expectedNavigation(roles: Role[]): (string | RegExp)[] {
  const has = (...allowed: Role[]) => roles.some((r) => allowed.includes(r));
  return [
    "Home",
    ...(has(
      "admin",
      "ml_engineer",
      "data_scientist",
      "ml_lead",
      "qa_lead",
      "security_lead",
      "product_owner",
      "compliance_officer",
      "auditor",
    )
      ? ["Models"]
      : []),
    // Followed by the number of requests waiting, which other journeys change.
    ...(has("ml_engineer", "ml_lead", "qa_lead", "security_lead", "product_owner", "compliance_officer")
      ? [/^Waiting for you\s*(\d+\+?)?$/]
      : []),
    ...(has("admin", "auditor", "compliance_officer", "security_lead") ? ["Audit log"] : []),
    ...(has("admin", "auditor", "compliance_officer") ? ["Privacy"] : []),
    ...(roles.length > 0 ? ["Controls"] : []),
    ...(has("admin", "ops", "auditor", "compliance_officer") ? ["Availability"] : []),
    ...(has("admin") ? ["Users", "API keys"] : []),
    "Account",
  ];
}

export function mainNavigation(page: Page) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link");
}

/** A fresh browser context signed in as this user: a second person at another computer. */
export async function newSignedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/** Creates an account through the Users page, as an admin would. */
export async function createUserViaUi(adminPage: Page, user: { email: string; name: string; password: string; roles: Role[] }) {
  await adminPage.goto("/settings/users");
  await adminPage.getByRole("button", { name: "New user" }).click();
  const dialog = adminPage.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Name").fill(user.name);
  await dialog.getByLabel("Email").fill(user.email);
  await dialog.getByLabel("Initial password").fill(user.password);
  for (const role of user.roles) await dialog.getByRole("checkbox", { name: ROLE_LABELS[role], exact: true }).check();
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(adminPage.getByText(`Created ${user.email}.`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

/** Replaces a user's roles through the Edit roles dialog. */
export async function setRolesViaUi(adminPage: Page, email: string, roles: Role[]) {
  await adminPage.goto("/settings/users");
  await adminPage.getByRole("button", { name: `Edit roles of ${email}` }).click();
  const dialog = adminPage.getByRole("dialog", { name: "Edit roles" });
  for (const [role, label] of Object.entries(ROLE_LABELS)) {
    await dialog.getByRole("checkbox", { name: label, exact: true }).setChecked(roles.includes(role as Role));
  }
  await dialog.getByRole("button", { name: "Save roles" }).click();
  await expect(adminPage.getByText(`Roles of ${email} saved.`)).toBeVisible();
}
