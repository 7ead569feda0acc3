import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "./support/journey";

test("a compliance officer creates an audit period across New Year and generates its schedule", async ({ page }) => {
  await signIn(page, "compliance_officer@assay.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Controls" }).click();
  await expect(page.getByRole("heading", { name: "Controls", level: 1 })).toBeVisible();
  // The catalog: the nine seeded controls, mapped to criteria.
  await expect(page.getByRole("row", { name: /AI\.3 Model Bias Testing/ })).toContainText("PI1");
  await page.getByRole("navigation", { name: "Controls" }).getByRole("link", { name: "Periods & readiness" }).click();

  // A bad range is refused with a field error and nothing is created.
  const year = 2090 + Math.floor(Math.random() * 9);
  const name = `E2E Type II ${year}-${Date.now().toString(36)}`;
  await page.getByLabel("Period name").fill(name);
  await page.getByLabel("First day").fill(`${year}-07-01`);
  await page.getByLabel("Last day").fill(`${year}-06-30`);
  await page.getByRole("button", { name: "Create period" }).click();
  await expect(page.getByText("The period ends on or after its first day.")).toBeVisible();
  await expect(page.getByLabel("Last day")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Last day").fill(`${year + 1}-06-30`);
  await page.getByRole("button", { name: "Create period" }).click();
  await expect(page.getByText(`Created the period ${name}.`)).toBeVisible();
  const row = page.getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText("no schedule yet");

  await row.getByRole("button", { name: `Generate the schedule of ${name}` }).click();
  await expect(row.getByText(/Schedule generated: \d+ tests added; \d+ tests for \d+ controls\./)).toBeVisible();
  await expect(row).toContainText(/\d+ tests scheduled · schedule generated/);
  // Regenerating changes nothing.
  await row.getByRole("button", { name: `Regenerate the schedule of ${name}` }).click();
  await expect(row.getByText(/The schedule is up to date/)).toBeVisible();

  // The calendar shows the period's tests after New Year: January's monthly tests on the 31st… and February's last day.
  await page.goto(`/controls/calendar?month=${year + 1}-02&view=agenda`);
  await expect(page.getByRole("heading", { name: `February ${year + 1}`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "CC6.3 Privileged Access" }).first()).toBeVisible();
  // Monthly tests due on the 31st fall on February's last day (the 29th in a leap year).
  const lastDay = new Date(Date.UTC(year + 1, 2, 0)).getUTCDate();
  await expect(page.getByRole("heading", { name: new RegExp(`^\\w+ ${lastDay} February ${year + 1}$`) })).toBeVisible();

  // The readiness page of the new period: nothing due yet, the checklist copied from the template.
  await page.goto("/controls/periods");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name: "Readiness score" })).toBeVisible();
  await expect(page.getByText("0 of 17 items done", { exact: true })).toBeVisible();
  await expect(page.getByText("Bias testing results", { exact: true })).toBeVisible();
  await screenshot(page, "controls-period");
});
