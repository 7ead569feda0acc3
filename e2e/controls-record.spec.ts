import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./support/journey";

test("an owner records a failing test with evidence and remediation, and the record is locked", async ({ page }) => {
  await signIn(page, "ops@assay.local");
  // The home page shows the owner what is overdue.
  const work = page.getByRole("region", { name: "Your control tests" });
  await expect(work).toContainText(/\d+ overdue/);
  await work.getByRole("link", { name: "CC7.1 Security Monitoring" }).first().click();
  await expect(page.getByRole("heading", { name: "CC7.1 Security Monitoring", level: 1 })).toBeVisible();
  await expect(page.getByText("Not performed yet.")).toBeVisible();

  // Wrong type and oversized uploads are refused with a clear message; nothing is listed.
  const file = page.getByLabel("Evidence file");
  await file.setInputFiles({ name: "dashboard.png", mimeType: "image/png", buffer: Buffer.from("MZ this is not a png") });
  await page.getByRole("button", { name: "Upload evidence" }).click();
  await expect(page.getByText("The file is named .png but its content is not a PNG image.").first()).toBeVisible();
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await file.setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61) });
  await page.getByRole("button", { name: "Upload evidence" }).click();
  await expect(page.getByText(/evidence files are limited to 10\.0 MiB/).first()).toBeVisible();
  await expect(page.getByText("No evidence attached yet.")).toBeVisible();

  // A real screenshot of the alert queue, dated the day it was taken.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const name = `alert-queue-${Date.now().toString(36)}.png`;
  await file.setInputFiles({ name, mimeType: "image/png", buffer: png });
  await page.getByLabel("Description").fill("Alert queue with two untriaged alerts");
  await page.getByRole("button", { name: "Upload evidence" }).click();
  await expect(page.getByText(new RegExp(`Uploaded ${name.replace(".", "\\.")} \\(SHA-256 [0-9a-f]{12}…\\)`))).toBeVisible();
  await expect(page.getByRole("link", { name })).toBeVisible();

  // Record a fail: remediation becomes required.
  const form = page.getByRole("button", { name: "Record result" }).locator("xpath=ancestor::form");
  await form.getByRole("radio", { name: "Fail" }).check();
  await form.getByLabel("Findings").fill("Two alerts were not triaged within the SLA.");
  await form.getByRole("button", { name: "Record result" }).click();
  await expect(form.getByText("A result that is not a pass needs a remediation owner.")).toBeVisible();
  await form.getByLabel("Remediation owner").selectOption({ label: "Oscar Ops (ops@assay.local)" });
  const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel("Remediation due").fill(due);
  await form.getByLabel("Remediation plan").fill("Route the alert queue to the on-call rotation.");
  await expect(form.getByRole("checkbox", { name: new RegExp(name.replace(".", "\\.")) })).toBeChecked();
  await form.getByRole("button", { name: "Record result" }).click();
  await expect(page.getByText("Result recorded and locked.")).toBeVisible();

  const record = page.getByRole("article", { name: /: Fail$/ });
  await expect(record).toContainText("Locked");
  await expect(record).toContainText("Two alerts were not triaged within the SLA.");
  await expect(record.getByRole("link", { name })).toBeVisible();
  await expect(record.getByRole("region", { name: "Remediation" })).toContainText(`Oscar Ops · due ${due}`);
  await expect(page.getByRole("heading", { level: 1 }).locator("xpath=../..").getByText("Failed")).toBeVisible();
  // The locked record can only be corrected now.
  await expect(page.getByRole("heading", { name: "Correct the standing record" })).toBeVisible();
  await screenshot(page, "controls-record");

  // The open remediation is on the owner's home page.
  await page.goto("/");
  await expect(
    page
      .getByRole("region", { name: "Your control tests" })
      .getByText(/Remediation open/)
      .first(),
  ).toBeVisible();
});
