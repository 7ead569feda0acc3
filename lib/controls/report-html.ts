import type { ExportRow } from "./export-queries";
import { occurrenceState } from "./status";
import {
  AI_RELEVANCE_LABELS,
  FREQUENCY_LABELS,
  RESULT_LABELS,
  STATE_LABELS,
  type AiRelevance,
  type Frequency,
  type TestResult,
} from "./vocabulary";

/**
 * The printable per-control report: one self-contained HTML document (no script, no external
 * resources) that an auditor can print to PDF or keep as a file. Every piece of user text is
 * escaped; evidence is listed with its full SHA-256 so the files can be checked later.
 */
export type ReportInput = {
  control: {
    code: string;
    name: string;
    category: string;
    description: string;
    frequency: Frequency;
    dueDay: number;
    aiRelevance: AiRelevance;
    ownerName: string;
    testProcedure: string;
  };
  criteria: { code: string; title: string }[];
  period: { name: string; startsOn: string; endsOn: string };
  rows: ExportRow[];
  today: string;
  generatedAt: string;
  generatedBy: string;
};

const esc = (s: string | null | undefined) =>
  (s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function controlReportHtml(r: ReportInput): string {
  const occurrences = [...new Set(r.rows.map((x) => x.occurrence_id))];
  const standing = (id: string) => r.rows.find((x) => x.occurrence_id === id && (x.standing ?? false)) ?? null;
  const states = occurrences.map((id) => {
    const row = r.rows.find((x) => x.occurrence_id === id)!;
    return occurrenceState(row.due_on, (standing(id)?.result as TestResult | undefined) ?? null, r.today);
  });
  const count = (s: string) => states.filter((x) => x === s).length;
  const body = r.rows
    .map((x) => {
      const state =
        x.result_id === null
          ? STATE_LABELS[occurrenceState(x.due_on, null, r.today)]
          : x.standing
            ? RESULT_LABELS[x.result as TestResult]
            : `${RESULT_LABELS[x.result as TestResult]} (superseded)`;
      const remediation = x.remediation_status
        ? `${esc(x.remediation_status.replace("_", " "))} · ${esc(x.remediation_owner)} · due ${esc(x.remediation_due_on)}${x.remediation_closing_note ? `<br>${esc(x.remediation_closing_note)}` : ""}`
        : "";
      const evidence = x.evidence
        .map((e) => `${esc(e.filename)} <span class="muted">(${esc(e.evidence_date)})</span><br><code>${esc(e.sha256)}</code>`)
        .join("<br>");
      return `<tr class="${x.standing === false ? "superseded" : ""}"><td class="nw">${esc(x.window_start)} –<br>${esc(x.window_end)}</td><td class="nw">${esc(x.due_on)}</td><td>${state}</td><td><span class="nw">${esc(x.tested_on)}</span><br>${esc(x.tester)}</td><td>${esc(x.findings)}${x.correction_reason ? `<br><em>Correction: ${esc(x.correction_reason)}</em>` : ""}</td><td>${remediation}</td><td>${evidence}</td></tr>`;
    })
    .join("\n");
  const c = r.control;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(c.code)} ${esc(c.name)} — control test report</title>
<style>
body{font:13px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;color:#18181b;margin:32px;max-width:1100px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:24px 0 8px}.muted{color:#71717a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dt{color:#71717a}dd{margin:0;white-space:pre-line}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #e4e4e7;padding:5px 7px;text-align:left;vertical-align:top}th{background:#f4f4f5;font-weight:600}
code{font:11px ui-monospace,monospace;word-break:break-all}.superseded td{color:#71717a;text-decoration:line-through}.superseded td:nth-child(3){text-decoration:none}
.nw{white-space:nowrap}.summary{display:flex;gap:24px}.summary b{display:block;font-size:18px}
@media print{body{margin:12mm}tr{break-inside:avoid}}
</style></head><body>
<header><h1>${esc(c.code)} ${esc(c.name)}</h1>
<p class="muted">Control test report · ${esc(r.period.name)} (${esc(r.period.startsOn)} – ${esc(r.period.endsOn)}) · generated ${esc(r.generatedAt)} by ${esc(r.generatedBy)} · states as of ${esc(r.today)} (UTC)</p></header>
<h2>Control</h2>
<dl><dt>Category</dt><dd>${esc(c.category)}</dd><dt>Owner</dt><dd>${esc(c.ownerName)}</dd>
<dt>Testing frequency</dt><dd>${FREQUENCY_LABELS[c.frequency]}${c.frequency === "weekly" ? "" : `, due on day ${c.dueDay} of the interval's last month`}</dd>
<dt>AI relevance</dt><dd>${AI_RELEVANCE_LABELS[c.aiRelevance]}</dd>
<dt>Trust Services Criteria</dt><dd>${r.criteria.map((x) => `${esc(x.code)} ${esc(x.title)}`).join("\n")}</dd>
<dt>Description</dt><dd>${esc(c.description)}</dd><dt>Test procedure</dt><dd>${esc(c.testProcedure)}</dd></dl>
<h2>Summary</h2>
<div class="summary"><div><b>${occurrences.length}</b>tests scheduled</div><div><b>${count("passed")}</b>passed</div><div><b>${count("failed") + count("partial")}</b>failed or partial</div><div><b>${count("overdue")}</b>never performed (overdue)</div><div><b>${count("scheduled") + count("due_soon")}</b>not yet due</div></div>
<h2>Tests and results</h2>
<table><thead><tr><th>Interval</th><th>Due</th><th>Result / state</th><th>Tested</th><th>Findings</th><th>Remediation</th><th>Evidence (SHA-256)</th></tr></thead>
<tbody>
${body}
</tbody></table>
<p class="muted">Recorded results are locked; a correction is a new record and the one it corrects is shown struck through. Evidence hashes can be checked with <code>sha256sum</code> against the downloaded files.</p>
</body></html>
`;
}
