import { expect, test } from "@playwright/test";
import { newSignedInPage, signIn } from "./support/journey";
import { card, createJourneyModel, decisionPanel, openWaitingRequest, screenshotTop } from "./support/models";

test("a QA lead rejects a request with a comment; one person with two roles fills only one", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const key = createJourneyModel("reject");
  // Its versions, by the fixture's model name (other runs leave their own 1.2.0 behind).
  const mine = new RegExp(`${key.slice(-6)} 1\\.2\\.0`);

  await signIn(page, "data_scientist@assay.local");
  await page.goto(`/models/${key}/versions/1.2.0`);
  await page.getByRole("button", { name: "Request promotion to staging" }).click();
  const dialog = page.getByRole("dialog", { name: "Request promotion to staging" });
  await dialog.getByRole("button", { name: "Request promotion" }).click();
  await expect(dialog.getByText(/Explain in a sentence or two/)).toBeVisible();
  await expect(dialog.getByLabel("Justification")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Justification").fill("New tokenizer; offline accuracy 0.95.");
  await dialog.getByRole("button", { name: "Request promotion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /1\.2\.0 to staging$/ })).toBeVisible();
  const requestUrl = page.url();

  // Jordan holds ML lead and QA lead: approving fills one role, and they cannot decide again.
  const twoHats = await newSignedInPage(browser, "lead-and-qa@assay.local");
  await openWaitingRequest(twoHats, mine);
  const panel = decisionPanel(twoHats);
  await expect(panel.getByLabel("Approve as")).toBeVisible();
  await panel.getByLabel("Approve as").selectOption({ label: "ML lead" });
  await panel.getByRole("button", { name: "Approve" }).click();
  await expect(panel.getByText(/Approved\. The request still needs/)).toBeVisible();
  await expect(twoHats.getByRole("list", { name: "Required approvals" })).toContainText(/QA lead\s*Still needed/);
  await twoHats.reload();
  await expect(decisionPanel(twoHats)).toContainText("You have already decided on this request");
  await twoHats.context().close();

  // The QA lead rejects: a comment is required, then the request is closed.
  const qa = await newSignedInPage(browser, "qa_lead@assay.local");
  await openWaitingRequest(qa, mine);
  const qaPanel = decisionPanel(qa);
  await qaPanel.getByRole("button", { name: "Reject" }).click();
  await expect(qaPanel.getByText("Say why you reject it: the requester reads this.")).toBeVisible();
  await expect(qaPanel.getByLabel("Comment")).toHaveAttribute("aria-invalid", "true");
  await qaPanel.getByLabel("Comment").fill("Regression suite fails on the long-ticket slice (accuracy 0.71).");
  await qaPanel.getByRole("button", { name: "Reject" }).click();
  await expect(qaPanel.getByText(/Rejected\. The request is closed/)).toBeVisible();
  await expect(qa.getByText("Rejected", { exact: true }).first()).toBeVisible();
  await screenshotTop(qa, "models-rejected");
  await qa.context().close();

  // The requester reads why, and the version stays in testing.
  await page.goto(requestUrl);
  await expect(card(page, "Decisions")).toContainText("Regression suite fails on the long-ticket slice");
  await expect(decisionPanel(page)).toContainText("This request is closed");
  await page.goto(`/models/${key}/versions/1.2.0`);
  await expect(card(page, "History")).toContainText("Rejected as QA lead");
  await expect(page.getByRole("button", { name: "Request promotion to staging" })).toBeVisible();
});

test("a failing check blocks approval, and the page says which and why", async ({ page }) => {
  // The seeded résumé screener misses its accuracy and parity thresholds and its card lacks known biases.
  await signIn(page, "security_lead@assay.local");
  await openWaitingRequest(page, /Résumé screener/);
  const checks = card(page, "Checks");
  await expect(checks).toContainText("2 failing");
  await expect(checks).toContainText("The model card lacks: known biases.");
  await expect(checks).toContainText("accuracy ≥ 0.9 (0.88)");
  const panel = decisionPanel(page);
  await expect(panel).toContainText("Approval is blocked until every check passes");
  await panel.getByRole("button", { name: "Approve as Security lead" }).click();
  await expect(panel.getByText(/Blocked by 2 failing checks/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Required approvals" })).not.toContainText("Approved by");
  await screenshotTop(page, "models-gate-blocked");
});
