import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./support/journey";

test("an admin issues an API key that works until it is revoked", async ({ page, request }) => {
  const name = `e2e-client-${Date.now().toString(36)}`;
  await signIn(page, "admin@assay.local");
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "New API key" }).click();
  const dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText("Name the key after its client.")).toBeVisible();
  await expect(dialog.getByRole("group", { name: "Scopes" })).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("checkbox", { name: /audit:read/ }).check();
  await dialog.getByLabel("Requests per minute").fill("120");
  await dialog.getByRole("button", { name: "Create key" }).click();

  const reveal = page.getByRole("dialog", { name: "Your new API key" });
  await expect(reveal.getByText("Copy this key now.")).toBeVisible();
  const token = await reveal.getByLabel("API key").inputValue();
  expect(token).toMatch(/^assay_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  await reveal.getByRole("button", { name: "Copy" }).click();
  await screenshot(page, "api-key-created");
  await reveal.getByRole("button", { name: "Done" }).click();

  const prefix = token.split("_")[1]!;
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`assay_${prefix}_…`);
  await expect(row).toContainText("120/min");
  await expect(row.getByText("Active")).toBeVisible();
  await screenshot(page, "api-keys");

  const ok = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ key: { name, prefix, scopes: ["audit:read"] } });

  const anonymous = await request.get("/api/v1/me");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toContain("application/problem+json");
  expect((await anonymous.json()).status).toBe(401);

  await page.reload();
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke ${name}?` });
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText(`Key ${name} (${prefix}) revoked.`)).toBeVisible();
  await expect(row.getByText("Revoked")).toBeVisible();

  const revoked = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(revoked.status()).toBe(401);
  expect(revoked.headers()["content-type"]).toContain("application/problem+json");
});
