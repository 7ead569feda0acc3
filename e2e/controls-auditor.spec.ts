import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./support/journey";

test("an auditor reads the calendar, opens a failed test and downloads its evidence, hash checked", async ({ page }) => {
  await signIn(page, "auditor@assay.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Controls" }).click();
  await page.getByRole("navigation", { name: "Controls" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { name: "Control-testing calendar" })).toBeVisible();
  const grid = page.getByRole("table", { name: /tests by due day/ });
  await expect(grid).toBeVisible();
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("Overdue");
  await screenshot(page, "controls-calendar");
  // Auditors read only: no forms to record or upload anywhere.
  await expect(page.getByRole("button", { name: "Upload evidence" })).toHaveCount(0);

  // Filter by state: the failed tests, as an agenda.
  await page.getByLabel("State").selectOption("failed");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/state=failed/);
  await page.getByRole("link", { name: "Agenda" }).click();
  await expect(page).toHaveURL(/view=agenda/);
  await expect(page.getByLabel("State")).toHaveValue("failed");

  // The seeded failed access review, from the period's readiness page.
  await page.getByRole("navigation", { name: "Controls" }).getByRole("link", { name: "Periods & readiness" }).click();
  await page
    .getByRole("link", { name: /^Type II / })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Readiness score" })).toBeVisible();
  await expect(page.getByText("model-approval-records-last-year.pdf")).toBeVisible();
  await page.getByRole("link", { name: "CC6.2 Access Review" }).first().click();
  await expect(page.getByRole("heading", { name: "CC6.2 Access Review", level: 1 })).toBeVisible();
  const record = page.getByRole("article", { name: /: Fail$/ });
  await expect(record).toContainText("Locked");
  await expect(record.getByRole("region", { name: "Remediation" })).toContainText("Closed");
  await expect(page.getByRole("button", { name: /Record/ })).toHaveCount(0);

  // Download the evidence: its bytes hash to what the page shows.
  const shown = await page
    .getByText(/^sha256:[0-9a-f]{64}$/)
    .first()
    .innerText();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "access-review-q2.csv" }).first().click(),
  ]);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  expect(
    `sha256:${createHash("sha256")
      .update(await readFile(path))
      .digest("hex")}`,
  ).toBe(shown);
  expect(download.suggestedFilename()).toBe("access-review-q2.csv");
  await screenshot(page, "controls-test-auditor");

  // The period's CSV export carries the evidence hashes.
  await page.goBack();
  const csvHref = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\n")[0]).toBe(
    "control_code,control_name,window_start,window_end,due_on,state,result_id,result,standing,tested_on,tester,findings,recorded_by,recorded_at,supersedes_id,correction_reason,remediation_status,remediation_owner,remediation_due_on,evidence_files,evidence_sha256",
  );
  expect(text).toContain(shown.slice("sha256:".length));
  // And the printable per-control report.
  const report = await page.request.get((await page.getByRole("link", { name: "Report: CC6.2 Access Review" }).getAttribute("href"))!);
  expect(report.headers()["content-type"]).toContain("text/html");
  expect(await report.text()).toContain(shown.slice("sha256:".length));
});
