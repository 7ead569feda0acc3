import { describe, expect, it } from "vitest";
import type { ExportRow } from "./export-queries";
import { controlReportHtml } from "./report-html";

const row = (over: Partial<ExportRow>): ExportRow => ({
  control_code: "AI.3",
  control_name: "Model Bias Testing",
  occurrence_id: "o1",
  window_start: "2026-01-01",
  window_end: "2026-03-31",
  due_on: "2026-03-20",
  result_id: null,
  result: null,
  standing: null,
  tested_on: null,
  tester: null,
  procedure_followed: null,
  findings: null,
  recorded_by: null,
  recorded_at: null,
  supersedes_id: null,
  correction_reason: null,
  remediation_status: null,
  remediation_owner: null,
  remediation_due_on: null,
  remediation_closing_note: null,
  evidence: [],
  ...over,
});

const input = (rows: ExportRow[]) => ({
  control: {
    code: "AI.3",
    name: "Model Bias Testing",
    category: "AI",
    description: "",
    frequency: "quarterly" as const,
    dueDay: 20,
    aiRelevance: "direct" as const,
    ownerName: "Quinn",
    testProcedure: "Run <the> suite",
  },
  criteria: [{ code: "PI1", title: "Processing Integrity" }],
  period: { name: "FY", startsOn: "2026-01-01", endsOn: "2026-12-31" },
  rows,
  today: "2026-05-01",
  generatedAt: "2026-05-01 10:00 UTC",
  generatedBy: "Aubrey",
});

describe("controlReportHtml", () => {
  it("escapes every piece of user text and lists evidence with its full hash", () => {
    const html = controlReportHtml(
      input([
        row({
          result_id: "r1",
          result: "fail",
          standing: true,
          tested_on: "2026-03-19",
          tester: "Quinn",
          findings: "<script>alert(1)</script>",
          remediation_status: "open",
          remediation_owner: "Quinn",
          remediation_due_on: "2026-04-30",
          evidence: [{ filename: 'report".md', sha256: "a".repeat(64), evidence_date: "2026-03-19" }],
        }),
      ]),
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Run &lt;the&gt; suite");
    expect(html).toContain("report&quot;.md");
    expect(html).toContain("a".repeat(64));
  });

  it("summarises states as of the day, with superseded records marked", () => {
    const html = controlReportHtml(
      input([
        row({ occurrence_id: "o1", result_id: "r1", result: "fail", standing: false, tested_on: "2026-03-19" }),
        row({
          occurrence_id: "o1",
          result_id: "r2",
          result: "pass",
          standing: true,
          tested_on: "2026-03-19",
          supersedes_id: "r1",
          correction_reason: "Wrong set",
        }),
        row({ occurrence_id: "o2", window_start: "2026-04-01", window_end: "2026-06-30", due_on: "2026-04-20" }),
      ]),
    );
    expect(html).toContain("<b>2</b>tests scheduled");
    expect(html).toContain("<b>1</b>passed");
    expect(html).toContain("<b>1</b>never performed (overdue)");
    expect(html).toContain("Fail (superseded)");
    expect(html).toContain("Correction: Wrong set");
  });
});
