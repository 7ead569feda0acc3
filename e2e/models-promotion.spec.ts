import { expect, test } from "@playwright/test";
import { newSignedInPage, signIn } from "./support/journey";
import { card, createJourneyModel, decisionPanel, openWaitingRequest, screenshotTop } from "./support/models";

test("three approvers take a version from staging to production; the old production version is deprecated", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const key = createJourneyModel("promo");
  // 1.0.0 went to production 30 days ago; anything before this moment answers 1.0.0.
  const before = new Date(Date.now() - 1000).toISOString().slice(0, 19);

  // The ML engineer requests the promotion from the version page.
  await signIn(page, "ml_engineer@assay.local");
  await page.goto(`/models/${key}/versions/1.1.0`);
  await expect(page.getByText("Staging", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Request promotion to production" }).click();
  const dialog = page.getByRole("dialog", { name: "Request promotion to production" });
  await expect(dialog).toContainText("ML lead, Security lead, Product owner");
  await dialog.getByLabel("Justification").fill("Accuracy 0.94 against 0.91 in production; shadow traffic clean for a week.");
  await dialog.getByRole("button", { name: "Request promotion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Promote .* 1\.1\.0 to production$/ })).toBeVisible();
  const requestUrl = page.url();
  await expect(card(page, "Checks")).toContainText("All pass");
  await expect(card(page, "Metrics")).toContainText("Production (1.0.0)");
  await expect(decisionPanel(page)).toContainText("You opened this request, so you cannot approve it");
  await expect(page.getByRole("list", { name: "Required approvals" })).toContainText("Still needed");
  await screenshotTop(page, "models-request");

  // Three different people approve, each from their own "Waiting for you" list.
  const approvers = [
    { email: "ml_lead@assay.local", role: "ML lead", last: false },
    { email: "security_lead@assay.local", role: "Security lead", last: false },
    { email: "product_owner@assay.local", role: "Product owner", last: true },
  ];
  for (const a of approvers) {
    const approver = await newSignedInPage(browser, a.email);
    await openWaitingRequest(approver, new RegExp(`${key.slice(-6)} 1\\.1\\.0`));
    await expect(approver).toHaveURL(requestUrl);
    const panel = decisionPanel(approver);
    await panel.getByLabel("Comment").fill(`Reviewed as ${a.role}.`);
    await panel.getByRole("button", { name: `Approve as ${a.role}` }).click();
    await expect(
      panel.getByText(a.last ? /last approval needed: the version is now in production/ : /Approved\. The request still needs/),
    ).toBeVisible();
    await expect(approver.getByRole("list", { name: "Required approvals" })).toContainText(`Approved by`);
    if (a.role === "Security lead") await screenshotTop(approver, "models-request-approving");
    if (a.last) {
      await expect(approver.getByText("Approved", { exact: true }).first()).toBeVisible();
      await expect(decisionPanel(approver)).toContainText("This request is closed");
      await screenshotTop(approver, "models-request-approved");
    } else {
      // Decided: it leaves this person's list.
      await approver.goto("/models/requests");
      await expect(
        approver.getByRole("table", { name: "Waiting for you" }).getByRole("link", { name: new RegExp(`${key.slice(-6)} 1\\.1\\.0`) }),
      ).toHaveCount(0);
    }
    await approver.context().close();
  }

  // The model page: 1.1.0 is in production, 1.0.0 was deprecated by the same request.
  await page.goto(`/models/${key}`);
  const versions = page.getByRole("table", { name: "Versions" });
  await expect(versions.getByRole("row", { name: /^1\.1\.0 Production/ })).toBeVisible();
  await expect(versions.getByRole("row", { name: /^1\.0\.0 Deprecated/ })).toBeVisible();
  await expect(card(page, "Timeline")).toContainText("Superseded by a newer production version");

  // As of now: 1.1.0, approved by the three people above; as of before: 1.0.0.
  await page.getByLabel("Date and time (UTC)").fill(new Date(Date.now() + 1000).toISOString().slice(0, 19));
  await page.getByRole("button", { name: "Look up" }).click();
  const answer = card(page, "Production at a point in time");
  await expect(answer).toContainText(/version 1\.1\.0 of .* was in production/);
  for (const name of ["Lena Lead", "Sam Security", "Pat Product"]) await expect(answer).toContainText(name);
  await page.getByLabel("Date and time (UTC)").fill(before);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(answer).toContainText(/version 1\.0\.0 of .* was in production: since .*, until /);
  await screenshotTop(page, "models-promoted");
});
