import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { routeRegistry } from "@/lib/api/define-route";
import type { RequestContext } from "@/lib/context";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { pgErrorCode } from "./pg-errors";
import { MAX_EVIDENCE_BYTES } from "./evidence-file";
import { makeControl, makePeriod } from "./test-fixtures";
import { getOccurrenceDetail } from "./test-queries";
import { todayUtc } from "./today";

// Importing the route files registers them.
await import("@/app/api/controls/evidence/route");
await import("@/app/api/controls/evidence/[id]/route");

type SessionRoute = { invoke: (ctx: RequestContext, request: Request) => Promise<Response> };
const route = (name: string) => routeRegistry.get(name) as unknown as SessionRoute;
const download = (ctx: RequestContext, id: string) =>
  route("controls.evidence_download").invoke(ctx, new Request(`http://127.0.0.1/api/controls/evidence/${id}`));

let officer: RequestContext;
let owner: RequestContext;
let auditor: RequestContext;
let occurrenceId: string;
const today = todayUtc();

beforeAll(async () => {
  officer = await signedInContext(await insertUser(["compliance_officer"]));
  owner = await signedInContext(await insertUser(["ops"]));
  auditor = await signedInContext(await insertUser(["auditor"]));
  const control = await makeControl(officer, owner.user!.id, { frequency: "monthly" });
  const start = `${today.slice(0, 7)}-01`;
  const period = await makePeriod(officer, start, today, today);
  const [row] = await db.execute<{ id: string }>(
    sql`SELECT id FROM control_test_occurrences WHERE period_id = ${period.id} AND control_id = ${control.id} LIMIT 1`,
  );
  occurrenceId = row!.id;
});
afterAll(closeDb);

function upload(ctx: RequestContext, file: { name: string; bytes: Uint8Array; type?: string }, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" }));
  form.set("evidenceDate", fields.evidenceDate ?? today);
  form.set("description", fields.description ?? "");
  form.set("occurrenceId", fields.occurrenceId ?? occurrenceId);
  return route("controls.evidence_upload").invoke(
    ctx,
    new Request("http://127.0.0.1/api/controls/evidence", { method: "POST", body: form }),
  );
}

const counts = async () =>
  (
    await db.execute<{ e: number; b: number }>(
      sql`SELECT (SELECT count(*)::int FROM control_evidence) AS e, (SELECT count(*)::int FROM evidence_blobs) AS b`,
    )
  )[0]!;
const png = (extra: string) => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from(extra)]);

describe("evidence upload", () => {
  it("stores the file with its SHA-256, size, checked type and evidence date, linked to the test, with one audit event", async () => {
    const bytes = png(`screenshot ${Math.random()}`);
    const after = await headSeq();
    const res = await upload(owner, { name: "dashboard.png", bytes, type: "text/plain" }, { evidenceDate: "2026-01-15" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; sha256: string; sizeBytes: number; contentType: string };
    expect(body).toMatchObject({
      sha256: createHash("sha256").update(bytes).digest("hex"),
      sizeBytes: bytes.length,
      contentType: "image/png",
    });
    const detail = (await getOccurrenceDetail(occurrenceId, today))!;
    expect(detail.evidence.find((e) => e.id === body.id)).toMatchObject({ evidenceDate: "2026-01-15", filename: "dashboard.png" });
    const events = await auditEvents({ afterSeq: after, resourceId: body.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "control_evidence.uploaded",
      metadata: { before: null, after: { sha256: body.sha256, sizeBytes: bytes.length, evidenceDate: "2026-01-15" } },
    });
  });

  it.each([
    ["an oversized file", { name: "huge.pdf", bytes: new Uint8Array(MAX_EVIDENCE_BYTES + 1).fill(0x25) }, /limit/],
    ["an executable named .png", { name: "shot.png", bytes: Uint8Array.from([0x4d, 0x5a, 0x90, 0x00]) }, /content is not a PNG image/],
    ["an HTML page", { name: "report.html", bytes: new TextEncoder().encode("<script>alert(1)</script>") }, /not accepted/],
    ["binary data named .csv", { name: "export.csv", bytes: Uint8Array.from([0xff, 0x00, 0xfe]) }, /content is not a CSV/],
  ])("refuses %s with a clear message and stores nothing", async (_what, file, message) => {
    const before = await counts();
    const after = await headSeq();
    const res = await upload(owner, file);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string; errors: { field: string; messages: string[] }[] };
    expect(problem.detail).toMatch(message);
    expect(problem.errors[0]).toMatchObject({ field: "file" });
    expect(await counts()).toEqual(before);
    expect(await headSeq()).toBe(after);
  });

  it("refuses a body over the limit while it streams, without a declared length", async () => {
    const before = await counts();
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 20) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const req = new Request("http://127.0.0.1/api/controls/evidence", {
      method: "POST",
      body: stream,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const res = await route("controls.evidence_upload").invoke(owner, req);
    expect(res.status).toBe(400);
    expect(sent).toBeLessThan(15);
    expect(await counts()).toEqual(before);
  });

  it("refuses an auditor, and a future evidence date", async () => {
    expect((await upload(auditor, { name: "a.txt", bytes: new TextEncoder().encode("x") })).status).toBe(403);
    const res = await upload(owner, { name: "a.txt", bytes: new TextEncoder().encode("x") }, { evidenceDate: "2999-01-01" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe("evidenceDate");
  });
});

describe("evidence download", () => {
  it("serves the bytes with their hash to an auditor, and records the access", async () => {
    const bytes = new TextEncoder().encode(`account,role\nada,admin\n${Math.random()}\n`);
    const { id, sha256 } = (await (await upload(owner, { name: "access-review.csv", bytes })).json()) as { id: string; sha256: string };
    const after = await headSeq();
    const res = await download(auditor, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv");
    expect(res.headers.get("x-content-sha256")).toBe(sha256);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="access-review.csv"/);
    const got = new Uint8Array(await res.arrayBuffer());
    expect(createHash("sha256").update(got).digest("hex")).toBe(sha256);
    expect((await auditEvents({ afterSeq: after, resourceId: id }))[0]).toMatchObject({
      eventType: "data_access",
      action: "control_evidence.downloaded",
      actorUserId: auditor.user!.id,
    });
  });

  it("refuses to serve a file whose stored bytes no longer match the recorded hash, as a security event", async () => {
    const bytes = new TextEncoder().encode(`tamper me ${Math.random()}`);
    const { id, sha256 } = (await (await upload(owner, { name: "notes.txt", bytes })).json()) as { id: string; sha256: string };
    // Negative control: the database refuses to rewrite a stored file…
    expect(
      pgErrorCode(
        await db.execute(sql`UPDATE evidence_blobs SET bytes = 'x'::bytea WHERE sha256 = ${sha256}`).then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    ).toBe("42501");
    // …so to simulate tampering below the application, the table owner switches that off.
    await db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE evidence_blobs DISABLE TRIGGER evidence_blobs_locked`);
      await tx.execute(sql`UPDATE evidence_blobs SET bytes = ${Buffer.from("tampered")} WHERE sha256 = ${sha256}`);
      await tx.execute(sql`ALTER TABLE evidence_blobs ENABLE TRIGGER evidence_blobs_locked`);
    });
    const after = await headSeq();
    const res = await download(auditor, id);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/does not match the SHA-256/);
    expect((await auditEvents({ afterSeq: after, resourceId: id }))[0]).toMatchObject({
      eventType: "security_alert",
      action: "control_evidence.integrity_failed",
      outcome: "failure",
    });
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect((await download(auditor, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await download(auditor, "nope")).status).toBe(404);
  });
});
