import { expect, test } from "@playwright/test";
import { mainNavigation, signIn } from "./support/journey";

test("a security lead browses and verifies the log but cannot export it", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "security_lead@assay.local");
  await expect(mainNavigation(page).getByText("Audit log", { exact: true })).toBeVisible();
  await mainNavigation(page).getByText("Audit log", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit events" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveCount(0);

  const tabs = page.getByRole("navigation", { name: "Audit log" }).getByRole("link");
  await expect(tabs).toHaveText(["Events", "Verify", "Checkpoints"]);
  await tabs.getByText("Checkpoints").click();
  await expect(page.getByRole("heading", { name: "Signed checkpoints", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign checkpoint now" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download public key" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Export evidence bundle" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Export evidence bundle" })).toHaveCount(0);

  // Hiding the buttons is a convenience: the server refuses the downloads anyway.
  const bundle = await page.request.get("/api/audit/export");
  expect(bundle.status()).toBe(403);
  expect(bundle.headers()["content-type"]).toContain("application/problem+json");
  expect((await page.request.get("/api/audit/events.csv")).status()).toBe(403);
  // Reading is allowed: the public key downloads.
  expect((await page.request.get("/api/audit/public-key")).status()).toBe(200);

  await tabs.getByText("Verify").click();
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: /^Chain verified/ })).toBeVisible({ timeout: 60_000 });
});

test("ops does not see the audit log, and its pages answer 403", async ({ page }) => {
  await signIn(page, "ops@assay.local");
  await expect(mainNavigation(page).getByText("Audit log", { exact: true })).toHaveCount(0);
  for (const path of ["/audit", "/audit/verify", "/audit/checkpoints", "/audit/events/1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this section" })).toBeVisible();
  }
  const verify = await page.request.post("/api/audit/verify", { data: {} });
  expect(verify.status()).toBe(403);
});
