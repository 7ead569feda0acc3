import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { action, countConsentRecords, recordsOf, uniqueSubject } from "./service-test-support";
import { closeDb } from "@/db/client";
import "./actions";

let officer: RequestContext;
let auditor: RequestContext;
beforeAll(async () => {
  officer = await signedInContext(await insertUser(["compliance_officer"]));
  auditor = await signedInContext(await insertUser(["auditor"]));
});
afterAll(closeDb);

const HEADER = "subject_id,consent_type,status,purposes,policy_version,recorded_at,expires_at";
function csvOf(n: number, label: string, badAt?: number): { text: string; subjects: string[] } {
  const subjects = Array.from({ length: n }, (_, i) => uniqueSubject(`${label}${i}`));
  const lines = subjects.map((s, i) =>
    i === badAt ? `${s},explicit,granted,model_training;telepathy,2026-01,,` : `${s},explicit,granted,model_training;analytics,2026-01,,`,
  );
  return { text: `${HEADER}\n${lines.join("\n")}\n`, subjects };
}
const file = (text: string) => new File([text], "consents.csv", { type: "text/csv" });

describe("privacy.consent_import", () => {
  it("is refused for an auditor", async () => {
    const { text } = csvOf(2, "refused");
    const before = await countConsentRecords();
    expect(await action("privacy.consent_import").invoke(auditor, { file: file(text) })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await countConsentRecords()).toBe(before);
  });

  it("imports nothing when one row in a thousand is bad, and the report names that row", async () => {
    const { text, subjects } = csvOf(1000, "bad", 616);
    const before = await countConsentRecords();
    const after = await headSeq();
    const result = await action("privacy.consent_import").invoke(officer, { file: file(text) });
    expect(result).toMatchObject({ ok: false, code: "validation" });
    // Line 618: the header is line 1 and the bad row is the 617th data row.
    expect(result?.ok === false && result.fieldErrors).toEqual({
      file: ["1 row is invalid: nothing was imported."],
      "row.618": ["Unknown purpose: telepathy."],
    });
    expect(JSON.stringify(result)).not.toContain(subjects[616]);
    expect(await countConsentRecords()).toBe(before);
    expect(await headSeq()).toBe(after);
  });

  it("names every kind of bad row", async () => {
    const s = uniqueSubject();
    const text = [
      HEADER,
      `${s},verbal,granted,analytics,v1,,`,
      `${s},explicit,maybe,analytics,v1,,`,
      `,explicit,granted,analytics,v1,,`,
      `${s},explicit,granted,,v1,,`,
      `${s},explicit,granted,analytics,v1,yesterday,`,
    ].join("\n");
    const result = await action("privacy.consent_import").invoke(officer, { file: file(text) });
    const rows = result?.ok === false ? Object.keys(result.fieldErrors ?? {}).filter((k) => k.startsWith("row.")) : [];
    expect(rows.sort()).toEqual(["row.2", "row.3", "row.4", "row.5", "row.6"]);
  });

  it("refuses a file without the required header", async () => {
    const result = await action("privacy.consent_import").invoke(officer, { file: file("email,yes\na@b.c,1\n") });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "row.1": [expect.stringContaining("subject_id")] } });
  });

  it("imports a thousand good rows with exactly one audit event", async () => {
    const { text, subjects } = csvOf(1000, "good");
    const before = await countConsentRecords();
    const after = await headSeq();
    expect(await action("privacy.consent_import").invoke(officer, { file: file(text) })).toMatchObject({
      ok: true,
      message: "Imported 1000 consent records.",
    });
    expect(await countConsentRecords()).toBe(before + 1000);
    expect(await recordsOf(subjects[999]!)).toMatchObject([{ source: "import", purposes: ["analytics", "model_training"] }]);
    const events = await auditEvents({ afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "consent.imported",
      metadata: { before: null, after: { records: 1000, byStatus: { granted: 1000, refused: 0, withdrawn: 0 } } },
    });
  });
});
