import { expect, test, type Page } from "@playwright/test";
import { mainNavigation, screenshot, signIn } from "./support/journey";

/** Ops watch the services against their SLAs; an auditor reads the same figures read-only. */
const SERVICES = ["Inference API", "Training pipeline", "Model registry", "Feature store", "Monitoring dashboard"];

// Dev-mode first compiles of these pages (and Recharts) take a while on two cores.
test.setTimeout(180_000);

async function expectChartDrawn(page: Page, chart: string, mark: string) {
  const figure = page.locator(`figure[data-chart="${chart}"]`);
  await expect(figure.locator("svg.recharts-surface").first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => figure.locator(mark).count(), { message: `${chart} chart draws ${mark}` }).toBeGreaterThan(0);
}

test("ops open the overview, switch range and open a service", async ({ page }) => {
  await signIn(page, "ops@assay.local");
  // Home says where availability stands before anything is opened.
  const card = page.getByRole("region", { name: /^Availability/ });
  await expect(card).toContainText(/Composite availability: \d/, { timeout: 60_000 });
  await expect(card.getByRole("link")).toBeVisible();
  await screenshot(page, "home-ops");
  await mainNavigation(page).filter({ hasText: "Availability" }).click();
  await expect(page.getByRole("heading", { name: "Availability", level: 1 })).toBeVisible({ timeout: 60_000 });

  await expect(page.getByText("Composite availability").first()).toBeVisible({ timeout: 60_000 });
  const services = page.getByRole("list", { name: "Services" });
  for (const name of SERVICES) await expect(services.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "true");
  await expectChartDrawn(page, "composite", ".recharts-area-curve");
  for (const strip of await services.getByRole("group").all()) await expect(strip.locator("[data-day]")).toHaveCount(90);

  await page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByText(/over the last 7 days, per hour/)).toBeVisible({ timeout: 60_000 });
  await expectChartDrawn(page, "composite", ".recharts-area-curve");

  // Keyboard: the strip is one tab stop; focusing a day shows its figures.
  const strip = services.getByRole("group").first();
  await expect(strip).toHaveAttribute("aria-label", /^Inference API — 90 days: \d+ met, \d+ below target, \d+ without data/);
  await strip.locator("[data-day]").last().focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByText("Maintenance", { exact: true }).first()).toBeVisible();
  // Full-page shots stitch the sticky shell where the viewport was: take them from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "availability-overview");

  await services.getByRole("link", { name: "Inference API", exact: true }).click();
  await expect(page).toHaveURL(/\/availability\/services\/inference_api\?range=7d/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "Inference API", level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("inference_api", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "true");
  await expectChartDrawn(page, "status", ".recharts-bar-rectangle");
  await expectChartDrawn(page, "latency", ".recharts-line-curve");
  await expectChartDrawn(page, "burn-down", ".recharts-line-curve");
  await expect(page.locator('figure[data-chart="timeline"]')).toBeVisible();
  await expect(page.getByRole("group", { name: /^Inference API — 90 days/ }).locator("[data-day]")).toHaveCount(90);
  await expect(page.getByRole("heading", { name: "Maintenance windows" })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "availability-service");
});

test("an auditor opens the overview read-only", async ({ page }) => {
  await signIn(page, "auditor@assay.local");
  await page.goto("/availability?range=24h");
  await expect(page.getByRole("heading", { name: "Availability", level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("link", { name: "24 hours" })).toHaveAttribute("aria-current", "true");
  const services = page.getByRole("list", { name: "Services" });
  await expect(services.getByRole("listitem")).toHaveCount(5, { timeout: 60_000 });
  // Read-only: no write controls anywhere on the page.
  await expect(page.getByRole("main").getByRole("button", { name: /acknowledge|resolve|open incident|new|edit|register/i })).toHaveCount(0);

  // The daily grain (90 days) draws too, and an unknown service is a 404.
  await page.goto("/availability/services/feature_store?range=90d");
  await expect(page.getByRole("heading", { name: "Feature store", level: 1 })).toBeVisible({ timeout: 60_000 });
  await expectChartDrawn(page, "status", ".recharts-bar-rectangle");
  await expectChartDrawn(page, "latency", ".recharts-line-curve");
  await screenshot(page, "availability-service-90d");
  const missing = await page.goto("/availability/services/no_such_service");
  expect(missing?.status()).toBe(404);
  await expect(page.getByText(/The address may be mistyped/)).toBeVisible({ timeout: 60_000 });
});

test("an ML engineer does not see availability, and its pages answer 403", async ({ page }) => {
  await signIn(page, "ml_engineer@assay.local");
  await expect(mainNavigation(page).getByText("Availability", { exact: true })).toHaveCount(0);
  for (const path of [
    "/availability",
    "/availability/incidents",
    "/availability/report",
    "/availability/services",
    "/availability/services/inference_api",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this section" })).toBeVisible();
  }
  expect((await page.request.get("/api/availability/report?part=summary&from=2026-10-01&to=2026-10-31")).status()).toBe(403);
});
