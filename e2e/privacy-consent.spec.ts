import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn } from "./support/journey";

/** A compliance officer records a consent, checks it, withdraws it and checks again. */
const subject = `canary-e2e-${Date.now().toString(36)}@people.example`;

async function check(page: Page, purpose: string) {
  await page.getByLabel("Subject identifier").fill(subject);
  await page.getByLabel("Purpose").selectOption(purpose);
  await page.getByRole("button", { name: "Check consent" }).click();
}

test("record a consent, check it, withdraw it, check again", async ({ page }) => {
  await signIn(page, "compliance_officer@assay.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { name: "Privacy", level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Consents" }).click();
  await expect(page.getByRole("heading", { name: "Consents", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Record consent" }).click();
  const dialog = page.getByRole("dialog", { name: "Record consent" });
  await dialog.getByRole("button", { name: "Record consent" }).click();
  await expect(dialog.getByText("Enter the subject identifier.")).toBeVisible();
  await expect(dialog.getByRole("group", { name: "Purposes" })).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Subject identifier").fill(subject);
  await dialog.getByRole("checkbox", { name: "Model training" }).check();
  await dialog.getByRole("checkbox", { name: "Evaluation" }).check();
  await dialog.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText("Consent recorded (granted: evaluation, model_training).")).toBeVisible();
  // The table shows a reference, never the identifier.
  await expect(page.getByRole("table", { name: "Consent records" })).not.toContainText(subject);

  await check(page, "model_training");
  const answer = page.getByRole("status").filter({ hasText: "Allowed" });
  await expect(answer).toContainText("May use: interaction_text, labels, locale");
  await screenshot(page, "privacy-consents");

  await check(page, "marketing");
  await expect(page.getByRole("status").filter({ hasText: "Not allowed" })).toContainText("Purpose not covered");

  await page.getByRole("button", { name: "Withdraw consent" }).click();
  const withdraw = page.getByRole("dialog", { name: "Withdraw consent" });
  await withdraw.getByLabel("Subject identifier").fill(subject);
  await withdraw.getByRole("checkbox", { name: "Model training" }).check();
  await withdraw.getByRole("button", { name: "Withdraw consent" }).click();
  await expect(page.getByText("Consent withdrawn for model_training. The earlier records are kept.")).toBeVisible();

  await check(page, "model_training");
  await expect(page.getByRole("status").filter({ hasText: "Not allowed" })).toContainText("The subject withdrew consent for this purpose.");
  await check(page, "evaluation");
  await expect(page.getByRole("status").filter({ hasText: "Allowed" })).toContainText("Granted");
  await screenshot(page, "privacy-consent-withdrawn");
});

test("an import with a bad row is refused whole, naming the row", async ({ page }) => {
  await signIn(page, "admin@assay.local");
  await page.goto("/privacy/consents");
  await page.getByRole("button", { name: "Import CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Import consents" });
  const csv = `subject_id,consent_type,status,purposes,policy_version\nimport-a-${Date.now()}@x.example,explicit,granted,analytics,v1\nimport-b@x.example,explicit,granted,telepathy,v1\n`;
  await dialog.getByLabel("CSV file").setInputFiles({ name: "consents.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog.getByText("1 row is invalid: nothing was imported.")).toBeVisible();
  await expect(dialog.getByRole("table", { name: "Rows that were refused" })).toContainText("Unknown purpose: telepathy.");
  await expect(dialog.getByRole("row", { name: /^3 / })).toBeVisible();
  await screenshot(page, "privacy-import-refused");
});

test("the overview shows charts, and an auditor may read but not record", async ({ page }) => {
  await signIn(page, "auditor@assay.local");
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { name: "Consent rate per purpose" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Withdrawals over time" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Differentially private export" })).toHaveCount(0);
  await page.goto("/privacy/consents");
  await expect(page.getByRole("button", { name: "Record consent" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Check consent" })).toBeVisible();
  await page.goto("/privacy/requests");
  await expect(page.getByRole("button", { name: "New request" })).toHaveCount(0);
});

test("a role without privacy access gets the 403 page", async ({ page }) => {
  await signIn(page, "ml_engineer@assay.local");
  const res = await page.goto("/privacy/consents");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Privacy" })).toHaveCount(0);
});
