import { expect, test } from "@playwright/test";
import { signIn } from "./support/journey";
import { card, screenshotTop } from "./support/models";

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 19);

test("an auditor asks which fraud-scorer version was in production at a time, and who approved it", async ({ page }) => {
  await signIn(page, "auditor@assay.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
  await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Models" }).getByRole("link", { name: "Fraud scorer" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Register model" })).toHaveCount(0);
  await screenshotTop(page, "models-registry");
  await page.getByRole("link", { name: "Fraud scorer" }).click();
  await expect(page.getByRole("heading", { name: "Fraud scorer", level: 1 })).toBeVisible();

  const panel = card(page, "Production at a point in time");
  const ask = async (value: string) => {
    await page.getByLabel("Date and time (UTC)").fill(value);
    await page.getByRole("button", { name: "Look up" }).click();
  };
  // The seeded year: 1.0.0 from 335 days ago, 1.1.0 from 205, 2.0.0 from 30.
  await ask(daysAgo(100));
  await expect(panel).toContainText(/version 1\.1\.0 of Fraud scorer was in production: since .*, until /);
  for (const name of ["Lena Lead", "Sam Security", "Pat Product"]) await expect(panel).toContainText(name);
  await expect(page).toHaveURL(/asOf=/);
  await screenshotTop(page, "models-as-of");

  await ask(daysAgo(1));
  await expect(panel).toContainText(/version 2\.0\.0 of Fraud scorer was in production: since .*, and still is/);
  await ask(daysAgo(400));
  await expect(panel).toContainText("No version of Fraud scorer was in production at");

  // A link reproduces the answer; a hand-edited one gets a clear message.
  await page.goto("/models/fraud-scorer?asOf=2026-02-30T10:00");
  await expect(panel).toContainText("Enter a date and time");
  await expect(page.getByLabel("Date and time (UTC)")).toHaveAttribute("aria-invalid", "true");

  // The version page shows its whole history.
  await page.getByRole("table", { name: "Versions" }).getByRole("link", { name: "2.0.0" }).click();
  await expect(card(page, "History")).toContainText("Status: staging → production");
  await expect(card(page, "History")).toContainText("Approved as Product owner");
  await screenshotTop(page, "models-version");
});
