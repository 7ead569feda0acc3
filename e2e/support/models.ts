import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { screenshot } from "./journey";

/** A fresh model for one journey (see governance-fixture.ts); needs DATABASE_URL, as the web server does. */
export function createJourneyModel(prefix: string): string {
  const key = `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  execFileSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "e2e/support/governance-fixture.ts", key], {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 60_000,
  });
  return key;
}

/** Opens a request from the "Waiting for you" list, as an approver would. */
export async function openWaitingRequest(page: Page, name: RegExp) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /^Waiting for you/ })
    .click();
  const waiting = page.getByRole("table", { name: "Waiting for you" });
  await waiting.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Promote / })).toBeVisible();
}

/** The request page's decision panel (the "Your decision" card). */
export function decisionPanel(page: Page) {
  return card(page, "Your decision");
}

/** The card titled `title` (a section with that heading). */
export function card(page: Page, title: string) {
  // The innermost section holding the heading (cards can sit inside other sections).
  return page.locator("section", { has: page.getByRole("heading", { name: title, exact: true }) }).last();
}

/**
 * A full-page screenshot from the top: taken scrolled down, the sticky header and sidebar
 * would be painted in the middle of the image.
 */
export async function screenshotTop(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}
