import { expect, test } from "@playwright/test";
import { createUserViaUi, newSignedInPage, screenshot, signIn, uniqueEmail } from "./support/journey";

test("an auditor filters the log by actor and type, opens an event, and the view survives a reload", async ({ page, browser, request }) => {
  // Something to find: an admin, at another computer, creates an account (a permission change)…
  const admin = await newSignedInPage(browser, "admin@assay.local");
  const email = uniqueEmail("audit-browse");
  await createUserViaUi(admin, { email, name: "Blake Browse", password: "audit-browse-password-1", roles: ["ml_engineer"] });

  // …and an AI service reports events through the machine API with a key the admin issues.
  await admin.goto("/settings/api-keys");
  await admin.getByRole("button", { name: "New API key" }).click();
  const dialog = admin.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Name").fill(`audit-browse-${Date.now().toString(36)}`);
  await dialog.getByRole("checkbox", { name: /audit:write/ }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const token = await admin.getByRole("dialog", { name: "Your new API key" }).getByLabel("API key").inputValue();
  await admin.context().close();
  const reported = await request.post("/api/v1/audit/events", {
    headers: { authorization: `Bearer ${token}` },
    data: {
      events: [
        { type: "model_inference", action: "model.inference", outcome: "success", resource: { type: "model", id: "support-bot-v3" } },
        { type: "model_inference", action: "model.inference", outcome: "failure", resource: { type: "model", id: "support-bot-v3" } },
        { type: "data_access", action: "dataset.read", outcome: "success", resource: { type: "dataset", id: "tickets-2026" } },
        {
          type: "security_alert",
          action: "prompt.injection_detected",
          outcome: "denied",
          resource: { type: "model", id: "support-bot-v3" },
        },
      ],
    },
  });
  expect(reported.status()).toBe(201);

  // The chart and the tables run under the nonce CSP without violations.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, "auditor@assay.local");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Audit log" }).getByRole("link", { name: "Events" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByText(/events in the last 30 days/)).toBeVisible();
  await expect(page.getByRole("row", { name: /prompt\.injection_detected/ }).first()).toBeVisible();
  await screenshot(page, "audit-browse");

  // Filter: the admin's permission changes.
  await page.getByLabel("Actor").selectOption({ label: "admin@assay.local" });
  await page.getByLabel("Event type").selectOption("permission_change");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]type=permission_change/);
  await expect(page).toHaveURL(/[?&]actor=user%3A[0-9a-f-]{36}/);
  const rows = page.getByRole("table", { name: "Audit events" }).getByRole("row");
  // Newest first: the account created above is the newest user.created (the API key followed it).
  const created = rows.filter({ hasText: "user.created" }).first();
  await expect(created).toBeVisible();
  await expect(rows.filter({ hasText: "api_key.created" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "Model inference" })).toHaveCount(0);
  const types = await page.getByRole("table", { name: "Audit events" }).locator("tbody td:nth-child(3)").allInnerTexts();
  expect(new Set(types)).toEqual(new Set(["Permission change"]));
  const csvLink = page.getByRole("link", { name: "Download CSV" });
  await expect(csvLink).toHaveAttribute("href", /type=permission_change&actor=user%3A/);
  const csv = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const [header, ...lines] = (await csv.text()).trim().split("\n");
  expect(header).toBe("seq,time,type,action,outcome,actor,ip,resource_type,resource_id");
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatch(/^\d+,[^,]+,permission_change,[a-z_.]+,\w+,admin@assay\.local,/);

  // The filters survive a reload: the URL is the state.
  await page.reload();
  await expect(page.getByLabel("Event type")).toHaveValue("permission_change");
  await expect(page.getByLabel("Actor").locator("option:checked")).toHaveText("admin@assay.local");
  await expect(created).toBeVisible();

  // Open it (a click anywhere on the row) and find the account in its canonical record.
  await created.getByRole("cell").nth(3).click();
  await expect(page).toHaveURL(/\/audit\/events\/\d+\?.*type=permission_change/);
  await expect(page.getByRole("heading", { level: 1, name: /^Event \d+$/ })).toBeVisible();
  const exact = page.getByRole("region", { name: "Exact stored text" });
  await expect(exact).toContainText(`"email":"${email}"`);
  await expect(page.getByRole("region", { name: "Readable" })).toContainText(`"action": "user.created"`);
  // Its hash and the previous event's hash, each 64 hex digits.
  await expect(page.getByRole("heading", { name: "Hash chain" })).toBeVisible();
  await expect(page.getByText(/^[0-9a-f]{64}$/)).toHaveCount(2);
  await expect(page.getByRole("link", { name: /Previous event/ })).toBeVisible();
  await screenshot(page, "audit-event");

  // Back to the list, still filtered.
  await page.getByRole("link", { name: "← Back to events" }).click();
  await expect(page).toHaveURL(/\/audit\?.*type=permission_change/);
  await expect(page.getByLabel("Event type")).toHaveValue("permission_change");

  // Keyboard: Enter on a row's link opens it too.
  await created.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /^Event \d+$/ })).toBeVisible();

  // Nothing matches (a time range in the future): an empty state with a way out.
  await page.getByRole("link", { name: "← Back to events" }).click();
  await page.getByLabel("From (UTC)").fill("2099-01-01T00:00");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/from=2099-01-01T00%3A00%3A00\.000Z/);
  await expect(page.getByText("No events match these filters")).toBeVisible();
  await page.getByRole("link", { name: "Reset filters" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(rows.nth(1)).toBeVisible();
  expect(violations).toEqual([]);
});

test("keyset paging goes forward and back through the log", async ({ page }) => {
  await signIn(page, "auditor@assay.local");
  await page.goto("/audit?limit=10");
  const table = page.getByRole("table", { name: "Audit events" });
  const eventCells = table.locator("tbody tr td:first-child");
  await expect(eventCells).toHaveCount(10);
  const firstPage = await eventCells.allInnerTexts();
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(pager.getByText("newest first")).toBeVisible();
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(eventCells.first()).not.toHaveText(firstPage[0]!);
  const secondPage = await eventCells.allInnerTexts();
  expect(secondPage.length).toBeGreaterThan(0);
  // Newest first: every event on page two is older than every event on page one.
  const seqs = (list: string[]) => list.map((s) => Number(s.replace("#", "")));
  expect(Math.max(...seqs(secondPage))).toBeLessThan(Math.min(...seqs(firstPage)));
  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  // The page before page two ends exactly where page one did (newer events may have arrived above it).
  await expect(eventCells.last()).toHaveText(firstPage.at(-1)!);
  await expect(eventCells).toHaveCount(10);
  await pager.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/audit\?limit=10#events$/);
  await expect(pager.getByText("Previous")).toHaveAttribute("aria-disabled", "true");

  // Time is the sort key (in SQL): oldest first starts at the first event of the log.
  await page.getByRole("columnheader", { name: "Time (UTC)" }).getByRole("button").click();
  await expect(page).toHaveURL(/sort=asc/);
  await expect(page.getByRole("columnheader", { name: "Time (UTC)" })).toHaveAttribute("aria-sort", "ascending");
  await expect(eventCells.first()).toHaveText("#1");
});
