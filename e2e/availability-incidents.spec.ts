import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn } from "./support/journey";

const SEEDED = "Training jobs stuck in the queue";

/** A full-page screenshot of a scrolled page repeats the sticky header mid-page. */
const top = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));

// Dev-mode first compiles of these pages take a while on a small machine.
test.setTimeout(240_000);

/**
 * The seeded open incident can be worked once per database. When a previous run already
 * resolved (or acknowledged) it, open a fresh one by hand on a service that has none.
 */
async function incidentToWork(page: Page): Promise<string> {
  await page.getByLabel("Service").selectOption({ label: "Training pipeline" });
  await page.waitForURL(/service=training_pipeline/);
  const seededRow = page.getByRole("row").filter({ hasText: SEEDED }).first();
  await expect(seededRow).toBeVisible();
  if (await seededRow.getByText("Unacknowledged").isVisible()) return SEEDED;
  const title = `Batch inference backlog ${Date.now().toString(36)}`;
  await page.getByRole("button", { name: "Open incident" }).click();
  const dialog = page.getByRole("dialog", { name: "Open incident" });
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Severity").selectOption("sev3");
  await dialog.getByLabel("Description").fill("Opened by the e2e journey.");
  await dialog.getByRole("button", { name: "Open incident" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible({ timeout: 60_000 });
  await page.goto("/availability/incidents?state=open");
  return title;
}

test("ops acknowledges, updates and resolves an incident, then takes the SLA report away", async ({ page }) => {
  await signIn(page, "ops@assay.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Availability" }).click();
  await page.getByRole("navigation", { name: "Availability" }).getByRole("link", { name: "Incidents" }).click();
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("region", { name: "Incident figures" })).toContainText("MTTR");
  await top(page);
  await screenshot(page, "availability-incidents");

  const title = await incidentToWork(page);
  await page.getByRole("row").filter({ hasText: title }).first().getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible({ timeout: 60_000 });
  const timeline = page.getByRole("list", { name: "Incident timeline" });

  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(timeline).toContainText("Acknowledged by Oscar Ops");
  await expect(page.getByRole("button", { name: "Acknowledge" })).toBeHidden();

  const update = `Drained the stuck queue partition (${Date.now().toString(36)}).`;
  await page.getByLabel("Update").fill(update);
  await page.getByRole("button", { name: "Add update" }).click();
  await expect(page.getByText("Update added to the timeline.")).toBeVisible();
  await expect(timeline).toContainText(update);

  // Resolving without a root cause is refused, with the reason at the field.
  await page.getByRole("button", { name: "Resolve incident" }).click();
  await expect(page.getByText("Name the root cause (a sentence is enough).")).toBeVisible();
  await expect(page.getByLabel("Root cause")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Root cause").fill("A scheduler lease was never released after a node drain.");
  await page.getByLabel("Postmortem URL").fill("https://wiki.example.com/postmortems/queue-lease");
  await page.getByRole("button", { name: "Resolve incident" }).click();
  await expect(timeline).toContainText("Resolved by Oscar Ops");
  await expect(page.getByRole("main").getByText("Resolved", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Resolve incident" })).toBeHidden();
  await expect(page.getByText("A scheduler lease was never released after a node drain.").first()).toBeVisible();
  await top(page);
  await screenshot(page, "availability-incident");

  await page.getByRole("navigation", { name: "Availability" }).getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("table", { name: "Monitored services" })).toContainText("Inference API");
  await expect(page.getByRole("button", { name: "Edit Inference API" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Schedule maintenance" })).toBeVisible();
  await top(page);
  await screenshot(page, "availability-services");

  await page.getByRole("navigation", { name: "Availability" }).getByRole("link", { name: "SLA report" }).click();
  await expect(page.getByRole("heading", { name: /^SLA report — /, level: 1 })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("link", { name: "Last 90 days" }).click();
  await expect(page.getByRole("link", { name: "Last 90 days" })).toHaveAttribute("aria-current", "true", { timeout: 60_000 });
  const from = new URL(page.url()).searchParams.get("from")!;
  await expect(page.getByLabel("From")).toHaveValue(from);
  const levels = page.getByRole("table", { name: "Service levels" });
  await expect(levels.getByRole("row")).toHaveCount(6);
  await expect(levels.getByText(/^SLA (met|missed)$/).first()).toBeVisible();
  await top(page);
  await screenshot(page, "availability-report");
  await page.emulateMedia({ media: "print" });
  await screenshot(page, "availability-report-print");
  await page.emulateMedia({ media: "screen" });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download summary CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^assay-sla-all-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d-summary\.csv$/);
  const lines = (await readFile(await file.path(), "utf8")).trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    "service,period_from,period_to,sla_target_percent,uptime_percent,sla,weighted_credit_percent,healthy_samples,degraded_samples,down_samples,maintenance_samples_excluded,unknown_samples_excluded,data_coverage_percent,downtime_minutes,error_budget_remaining_percent,incidents,mttr_minutes,mtbf_hours,mtta_minutes",
  );
  expect(lines).toHaveLength(6);
  for (const key of ["inference_api", "training_pipeline", "model_registry", "feature_store", "monitoring_dashboard"]) {
    expect(lines.some((line) => line.startsWith(`${key},`))).toBe(true);
  }
});

test("an auditor reads the report and incidents but cannot act on them", async ({ page }) => {
  await signIn(page, "auditor@assay.local");
  await page.goto("/availability/report");
  await expect(page.getByRole("heading", { name: /^SLA report — /, level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("link", { name: "Download incidents CSV" })).toBeVisible();

  await page.goto("/availability/incidents");
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: "Open incident" })).toBeHidden();
  const first = page.getByRole("table", { name: "Incidents" }).locator('a[href^="/availability/incidents/"]').first();
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("list", { name: "Incident timeline" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Resolve|Record root cause/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add update" })).toHaveCount(0);

  const bad = await page.request.get("/api/availability/report?part=summary&from=2026-10-31&to=2026-10-01");
  expect(bad.status()).toBe(400);
  const missing = await page.goto("/availability/incidents/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByText(/not found|could not be found|doesn.t exist/i).first()).toBeVisible({ timeout: 60_000 });

  await page.goto("/availability/services");
  await expect(page.getByRole("table", { name: "Monitored services" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
});
