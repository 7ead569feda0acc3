import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn } from "./support/journey";

const run = promisify(execFile);

let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "assay-audit-e2e-"));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The verdict's value for one term (a <dt>/<dd> pair in the result). */
function resultValue(page: Page, term: string) {
  return page.getByRole("status").locator(`dt:text-is("${term}") + dd`);
}

test("an auditor verifies the chain, signs a checkpoint, and the exported bundle verifies offline", async ({ page }) => {
  // Two verifications, an export and an offline verification: more than one default timeout on a big log.
  test.setTimeout(120_000);
  await signIn(page, "auditor@assay.local");
  await page.goto("/audit");
  await page.getByRole("navigation", { name: "Audit log" }).getByRole("link", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Verify the chain", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Verify chain" }).click();
  const bar = page.getByRole("progressbar");
  await expect(bar).toBeVisible();
  await expect(page.getByRole("status").getByRole("heading", { name: /^Chain verified: [\d,]+ events intact$/ })).toBeVisible({
    timeout: 60_000,
  });
  // The bar ends full: every event of the run checked.
  await expect(bar).toHaveAccessibleName("Verification progress");
  const total = await bar.getAttribute("aria-valuemax");
  expect(Number(total)).toBeGreaterThan(0);
  await expect(bar).toHaveAttribute("aria-valuenow", total!);
  const uiHeadSeq = Number(await resultValue(page, "Head sequence").innerText());
  expect(uiHeadSeq).toBeGreaterThan(0);
  await expect(resultValue(page, "Head hash")).toContainText(/[0-9a-f]{64}/);
  await screenshot(page, "audit-verify");

  // Sign a checkpoint now, and keep a copy of it outside Assay.
  await page.getByRole("navigation", { name: "Audit log" }).getByRole("link", { name: "Checkpoints" }).click();
  await expect(page.getByRole("heading", { name: "Signed checkpoints", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Sign checkpoint now" }).click();
  const signed = page.getByText(/^Checkpoint signed at size \d+\.$/);
  await expect(signed).toBeVisible();
  const size = Number((await signed.innerText()).match(/\d+/)![0]);
  expect(size).toBeGreaterThanOrEqual(uiHeadSeq);
  await expect(page.getByRole("table", { name: "Signed checkpoints" }).getByRole("row").nth(1)).toContainText(size.toLocaleString("en-US"));
  await screenshot(page, "audit-checkpoints");

  const [cpDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download latest checkpoint" }).click(),
  ]);
  const checkpointFile = path.join(dir, cpDownload.suggestedFilename());
  await cpDownload.saveAs(checkpointFile);
  expect(JSON.parse(await readFile(checkpointFile, "utf8"))).toMatchObject({ size, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

  // The whole log as an evidence bundle…
  const [bundle] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export evidence bundle" }).click()]);
  expect(bundle.suggestedFilename()).toMatch(/^assay-audit-.*\.tar\.gz$/);
  const bundleFile = path.join(dir, bundle.suggestedFilename());
  await bundle.saveAs(bundleFile);

  // …checked by the standalone verifier, with no database: the same verdict, against the kept checkpoint too.
  const { stdout } = await run(process.execPath, ["scripts/assay-verify.mjs", bundleFile, "--checkpoint", checkpointFile, "--json"]);
  const offline = JSON.parse(stdout) as { ok: boolean; headSeq: number; lastCheckpoint: { size: number } | null };
  expect(offline.ok).toBe(true);
  // This journey's own actions (the verification, the checkpoint) appended events since the UI's verdict.
  expect(offline.headSeq).toBeGreaterThanOrEqual(uiHeadSeq);
  expect(offline.lastCheckpoint?.size).toBeGreaterThanOrEqual(size);

  // The kept checkpoint, given back to the in-app verifier as an external one.
  await page.goto("/audit/verify");
  await page.getByLabel(/External checkpoint/).setInputFiles(checkpointFile);
  await expect(page.getByText(`Checkpoint at size ${size}`, { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: /^Chain verified/ })).toBeVisible({ timeout: 60_000 });
  await expect(resultValue(page, "Checkpoints checked")).not.toHaveText("0");
});

test("a bad checkpoint file and a reversed range are refused before anything runs", async ({ page }) => {
  await signIn(page, "compliance_officer@assay.local");
  await page.goto("/audit/verify");
  await page
    .getByLabel(/External checkpoint/)
    .setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello":"world"}') });
  await expect(page.getByText(/not an Assay checkpoint/)).toBeVisible();
  await page.getByLabel(/External checkpoint/).setInputFiles([]);

  await page.getByLabel("A sequence range").check();
  await page.getByLabel("From sequence").fill("5");
  await page.getByLabel("To sequence").fill("2");
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText("The range must start before it ends.")).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  await page.getByLabel("From sequence").fill("2");
  await page.getByLabel("To sequence").fill("5");
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: "Chain verified: 4 events intact" })).toBeVisible();
  await expect(page.getByRole("status").locator('dt:text-is("Head sequence") + dd')).toHaveText("5");
});
