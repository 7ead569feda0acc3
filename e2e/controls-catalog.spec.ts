import { expect, test } from "@playwright/test";
import { signIn } from "./support/journey";

test("a compliance officer adds a control mapped to criteria, then changes its frequency", async ({ page }) => {
  await signIn(page, "compliance_officer@assay.local");
  await page.goto("/controls");
  await page.getByRole("button", { name: "New control" }).click();
  const dialog = page.getByRole("dialog", { name: "New control" });
  const code = `E${Math.floor(10 + Math.random() * 89)}.${Date.now() % 1000}`;
  await dialog.getByLabel("Code").fill(code);
  await dialog.getByLabel("Name").fill("Prompt Injection Review");
  await dialog.getByLabel("Category").fill("AI governance");
  await dialog.getByLabel("Owner").selectOption({ label: "Quinn QA (qa_lead@assay.local)" });
  await dialog.getByLabel("Testing frequency").selectOption("monthly");
  await dialog.getByLabel("AI relevance").selectOption("direct");
  await dialog.getByLabel("Test procedure").fill("Replay the injection corpus against production prompts.");
  // No criterion yet: refused, and what was typed stays.
  await dialog.getByRole("button", { name: "Create control" }).click();
  await expect(dialog.getByText("Map the control to at least one criterion.")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue("Prompt Injection Review");
  await dialog.getByRole("checkbox", { name: /^CC7/ }).check();
  await dialog.getByRole("checkbox", { name: /^PI1/ }).check();
  await dialog.getByRole("button", { name: "Create control" }).click();
  await expect(page.getByText(`Created ${code} Prompt Injection Review.`)).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(code.replace(".", "\\.")) });
  await expect(row).toContainText("Monthly");
  await expect(row).toContainText("CC7");

  await row.getByRole("button", { name: `Edit ${code}` }).click();
  const edit = page.getByRole("dialog", { name: "Edit control" });
  await expect(edit.getByLabel("Testing frequency")).toHaveValue("monthly");
  await edit.getByLabel("Testing frequency").selectOption("quarterly");
  await edit.getByRole("button", { name: "Save control" }).click();
  await expect(page.getByText(new RegExp(`^Saved ${code.replace(".", "\\.")}\\.`))).toBeVisible();
  await expect(row).toContainText("Quarterly");
});
