import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/db/client";
import { createApiKey } from "@/lib/api-keys/service";
import { routeRegistry } from "@/lib/api/define-route";
import type { RequestContext } from "@/lib/context";
import { insertUser, signedInContext } from "@/test/db";
import { POST as checkRoute } from "@/app/api/v1/consent/check/route";
import "@/app/api/privacy/requests/[id]/report/route";
import { pseudonymize } from "./pseudonym";
import { action, grant } from "./service-test-support";
import "./actions";

/**
 * The issue's canary: one identifier goes through every privacy path (UI actions, the API,
 * a failed and a good import, a request, its report, a withdrawal), and then must appear
 * nowhere: not in a pg_dump of the whole database (audit log included) nor in anything
 * the process wrote to its console. The control string, stored on purpose in a non-personal
 * field, shows that the dump search does find what is there.
 */
const PG_DUMP = process.env.PG_DUMP ?? "/usr/lib/postgresql/15/bin/pg_dump";
const run = Date.now().toString(36);
const CANARY = `Canary.Person+${run}@Example.com`;
const CONTROL = `ctl-${run}`;
const needles = (s: string) => [s, s.toLowerCase(), encodeURIComponent(s), JSON.stringify(s).slice(1, -1), `canary.person+${run}`];

let logs = "";
let officer: RequestContext;
let token = "";
beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) =>
        void (logs += `${args.map((a) => (a instanceof Error ? `${a.message} ${a.stack} ${String(a.cause)}` : typeof a === "string" ? a : JSON.stringify(a))).join(" ")}\n`),
    );
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, "write").mockImplementation(
      ((chunk: unknown, ...rest: unknown[]) => ((logs += String(chunk)), write(chunk, ...rest))) as typeof stream.write,
    );
  }
  officer = await signedInContext(await insertUser(["compliance_officer"]));
  const admin = await signedInContext(await insertUser(["admin"]));
  token = (
    await db.transaction((tx) =>
      createApiKey(tx, admin, { name: "canary", scopes: ["consent:check"], ratePerMinute: 10_000, ratePerDay: 100_000 }),
    )
  ).token;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await closeDb();
});

async function dump(): Promise<string> {
  const { stdout } = await promisify(execFile)(PG_DUMP, ["--data-only", "--no-owner", process.env.DATABASE_URL!], { maxBuffer: 1 << 30 });
  return stdout;
}

describe("a canary identifier after a full journey", () => {
  it("is in no database table, audit event or log line", async () => {
    const ok = (r: unknown) => expect(r).toMatchObject({ ok: true });
    ok(await action("privacy.consent_record").invoke(officer, grant(CANARY, ["model_training", "analytics"], { policyVersion: CONTROL })));
    ok(await action("privacy.consent_check").invoke(officer, { subjectId: CANARY, purpose: "model_training" }));
    ok(await action("privacy.consent_check").invoke(officer, { subjectId: CANARY, purpose: "marketing" })); // a denial: audited
    const api = (purpose: string) =>
      checkRoute(
        new Request("http://127.0.0.1/api/v1/consent/check", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ subjectId: CANARY, purpose }),
        }),
        { params: Promise.resolve({}) },
      );
    expect((await api("evaluation")).status).toBe(200);
    expect((await api("not_a_purpose")).status).toBe(400);
    const csv = (bad: boolean) =>
      new File(
        [`subject_id,consent_type,status,purposes,policy_version\n${CANARY},explicit,granted,${bad ? "telepathy" : "evaluation"},v1\n`],
        "c.csv",
      );
    expect(await action("privacy.consent_import").invoke(officer, { file: csv(true) })).toMatchObject({ ok: false });
    ok(await action("privacy.consent_import").invoke(officer, { file: csv(false) }));
    ok(await action("privacy.consent_withdraw").invoke(officer, { subjectId: CANARY, purposes: ["analytics"] }));
    const created = await action("privacy.request_create").invoke(officer, { subjectId: CANARY, type: "access" });
    ok(created);
    const requestId = String(created?.ok && created.data?.id);
    const report = routeRegistry.get("privacy.access_report")!;
    if (report.kind !== "session") throw new Error("unexpected route kind");
    // The registry's invoke passes no params; the download reads them from the route context.
    const res = await (
      await import("@/app/api/privacy/requests/[id]/report/route")
    )
      .GET(new Request(`http://127.0.0.1/api/privacy/requests/${requestId}/report`), { params: Promise.resolve({ id: requestId }) })
      .catch(() => null);
    expect(res === null || res.status !== 500).toBe(true);
    const { getAccessReport } = await import("./report");
    const body = JSON.stringify(await getAccessReport(requestId));

    const everything = await dump();
    expect(everything).toContain(CONTROL); // the search works…
    expect(everything).toContain(pseudonymize(CANARY)); // …and the subject is there, pseudonymized
    for (const n of needles(CANARY)) {
      expect(everything, `database dump holds ${n}`).not.toContain(n);
      expect(logs, `logs hold ${n}`).not.toContain(n);
      expect(body, `access report holds ${n}`).not.toContain(n);
    }

    // After the subject's deletion request, not even the pseudonym is left.
    const deletion = await action("privacy.request_create").invoke(officer, { subjectId: CANARY, type: "deletion" });
    ok(await action("privacy.request_fulfil").invoke(officer, { requestId: String(deletion?.ok && deletion.data?.id) }));
    const after = await dump();
    expect(after).not.toContain(pseudonymize(CANARY));
    for (const n of needles(CANARY)) expect(after).not.toContain(n);
  });
});
