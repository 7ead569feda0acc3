import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./support/journey";

/** A compliance officer logs an access request, reads and downloads its report, and fulfils it. */
test("create and fulfil an access request", async ({ page }) => {
  const subject = `dsr-e2e-${Date.now().toString(36)}@people.example`;
  await signIn(page, "compliance_officer@assay.local");

  await page.goto("/privacy/consents");
  await page.getByRole("button", { name: "Record consent" }).click();
  const record = page.getByRole("dialog", { name: "Record consent" });
  await record.getByLabel("Subject identifier").fill(subject);
  await record.getByRole("checkbox", { name: "Analytics" }).check();
  await record.getByRole("button", { name: "Record consent" }).click();
  await expect(page.getByText("Consent recorded (granted: analytics).")).toBeVisible();

  await page.getByRole("navigation", { name: "Privacy" }).getByRole("link", { name: "Requests" }).click();
  await page.getByRole("button", { name: "New request" }).click();
  const dialog = page.getByRole("dialog", { name: "New data-subject request" });
  await dialog.getByLabel("Subject identifier").fill(subject);
  await dialog.getByLabel("Request type").selectOption("access");
  await dialog.getByLabel("Assignee").selectOption({ label: "Cora Compliance" });
  await dialog.getByRole("button", { name: "Log request" }).click();
  await expect(page.getByText("Request logged.")).toBeVisible();

  const row = page
    .getByRole("row")
    .filter({ hasText: "Access" })
    .filter({ hasText: "Cora Compliance" })
    .filter({ hasText: "Open" })
    .first();
  await expect(row).toBeVisible();
  await screenshot(page, "privacy-requests");

  const download = page.waitForEvent("download");
  await row.getByRole("link", { name: /Download JSON report/ }).click();
  const file = await download;
  const report = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
  expect(report.format).toBe("assay.access-report/v1");
  expect(report.consentHistory).toHaveLength(1);
  expect(report.consentHistory[0].purposes).toEqual(["analytics"]);
  expect(report.thirdParties).toContain("Metrics SaaS Ltd.");
  expect(JSON.stringify(report)).not.toContain(subject);

  await row.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Access report", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Consent history" })).toContainText("Analytics");
  await expect(page.getByRole("table", { name: "Processing activities" })).toContainText("Product analytics");
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await screenshot(page, "privacy-access-report");
  await page.emulateMedia({ media: "print" });
  await screenshot(page, "privacy-access-report-print");
  await page.emulateMedia({ media: "screen" });

  await page.goBack();
  await row.getByRole("button", { name: /^Fulfil access request/ }).click();
  const fulfil = page.getByRole("dialog", { name: "Fulfil access request" });
  await fulfil.getByLabel("Resolution note").fill("Report sent by email.");
  await fulfil.getByRole("button", { name: "Complete request" }).click();
  await expect(page.getByText("Request completed.")).toBeVisible();
});

test("the register lists activities and a purpose's minimization rule can be edited", async ({ page }) => {
  await signIn(page, "admin@assay.local");
  await page.goto("/privacy/register");
  await expect(page.getByRole("table", { name: "Processing activities" })).toContainText("Assistant fine-tuning");
  await page.getByRole("button", { name: "Edit Product improvement" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Product improvement" });
  await dialog.getByLabel("Allowed fields").fill("event_type, timestamp, error_code, app_version");
  await dialog.getByRole("button", { name: "Save purpose" }).click();
  await expect(page.getByText("Purpose product_improvement saved.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Purposes" })).toContainText("app_version");
  await screenshot(page, "privacy-register");
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { name: "Differentially private export" })).toBeVisible();
  await screenshot(page, "privacy-overview");
  await page.getByLabel("Epsilon (ε) per count").fill("0.5");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export noisy counts" }).click();
  const chunks = await (await (await download).createReadStream()).toArray();
  expect(JSON.parse(Buffer.concat(chunks).toString("utf8"))).toMatchObject({ mechanism: "laplace", epsilonPerCount: 0.5 });

  await page.goto("/");
  const card = page.getByRole("region", { name: /Privacy/ });
  await expect(card).toContainText("data-subject request");
  await expect(card.getByRole("link", { name: "Data-subject requests" })).toBeVisible();
  await screenshot(page, "privacy-home-card");
});
