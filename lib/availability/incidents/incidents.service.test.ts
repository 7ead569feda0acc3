import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/db/client";
import { availabilityIncidents, availabilityIncidentUpdates } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import { actionRegistry } from "@/lib/actions/define-action";
import { auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { ingestSamples } from "../ingest/ingest";
import { SYSTEM_ACTOR } from "@/lib/context";
import { sample, testService } from "@/test/availability";
import "../actions";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

/** People handling incidents through the server actions: open, acknowledge, update, resolve. */
let ops: RequestContext;
let auditor: RequestContext;
beforeAll(async () => {
  ops = await signedInContext(await insertUser(["ops"]));
  auditor = await signedInContext(await insertUser(["auditor"]));
});
afterAll(closeDb);

const run = (name: string, ctx: RequestContext, input: Record<string, unknown>) => actionRegistry.get(name)!.invoke(ctx, input);
const openedId = (state: Awaited<ReturnType<typeof run>>) => (state?.ok && "data" in state && state.data ? String(state.data.id) : "");
const timeline = async (id: string) =>
  (
    await db
      .select()
      .from(availabilityIncidentUpdates)
      .where(eq(availabilityIncidentUpdates.incidentId, id))
      .orderBy(availabilityIncidentUpdates.at)
  ).map((u) => u.kind);

describe("incident handling", () => {
  it("opens, acknowledges, updates and resolves, each step on the timeline and in the audit log", async () => {
    const svc = await testService();
    const seq = await headSeq();
    const opened = await run("availability.incident_open", ops, {
      serviceId: svc.id,
      title: "Latency spike on EU nodes",
      severity: "sev2",
      body: "Customers report slow answers.",
    });
    expect(opened).toMatchObject({ ok: true });
    const id = openedId(opened);
    expect(await run("availability.incident_acknowledge", ops, { id })).toMatchObject({ ok: true });
    expect(await run("availability.incident_acknowledge", ops, { id })).toMatchObject({ ok: false, code: "conflict" });
    expect(await run("availability.incident_update", ops, { id, body: "Rolled back the last deploy." })).toMatchObject({ ok: true });
    expect(await run("availability.incident_resolve", ops, { id })).toMatchObject({
      ok: false,
      code: "validation",
      fieldErrors: { rootCause: expect.any(Array) },
    });
    expect(
      await run("availability.incident_resolve", ops, {
        id,
        rootCause: "A bad deploy of the router.",
        postmortemUrl: "https://wiki.example.com/pm/1",
      }),
    ).toMatchObject({ ok: true });

    const [row] = await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.id, id));
    expect(row).toMatchObject({
      source: "manual",
      acknowledgedBy: ops.user!.id,
      resolvedBy: ops.user!.id,
      rootCause: "A bad deploy of the router.",
      postmortemUrl: "https://wiki.example.com/pm/1",
    });
    expect(row!.resolvedAt).not.toBeNull();
    expect(await timeline(id)).toEqual(["opened", "acknowledged", "update", "resolved"]);
    const actions = (await auditEvents({ afterSeq: seq, resourceId: id })).map((e) => e.action);
    expect(actions).toEqual([
      "availability.incident_opened",
      "availability.incident_acknowledged",
      "availability.incident_updated",
      "availability.incident_resolved",
    ]);
  });

  it("audits each step as a data change by the person, with what changed", async () => {
    const svc = await testService();
    const seq = await headSeq();
    const id = openedId(await run("availability.incident_open", ops, { serviceId: svc.id, title: "Queue stuck", severity: "sev3" }));
    await run("availability.incident_acknowledge", ops, { id });
    await run("availability.incident_update", ops, { id, body: "Draining." });
    await run("availability.incident_resolve", ops, { id, rootCause: "A stuck lease." });
    const events = await auditEvents({ afterSeq: seq, resourceId: id });
    expect(events.every((e) => e.eventType === "data_modification" && e.outcome === "success" && e.actorUserId === ops.user!.id)).toBe(
      true,
    );
    const [row] = await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.id, id));
    expect(events.map((e) => e.metadata)).toEqual([
      { service: svc.key, severity: "sev3", startedAt: expect.any(String), source: "manual" },
      { before: { acknowledgedAt: null }, after: { acknowledgedAt: row!.acknowledgedAt!.toISOString() } },
      { length: "Draining.".length },
      {
        before: { resolvedAt: null, rootCause: null, postmortemUrl: null },
        after: { resolvedAt: row!.resolvedAt!.toISOString(), rootCause: "A stuck lease.", postmortemUrl: null },
      },
    ]);
  });

  it("refuses a second open incident on a service, and the auditor altogether", async () => {
    const svc = await testService();
    expect(await run("availability.incident_open", ops, { serviceId: svc.id, title: "First", severity: "sev3" })).toMatchObject({
      ok: true,
    });
    expect(await run("availability.incident_open", ops, { serviceId: svc.id, title: "Second", severity: "sev3" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await run("availability.incident_open", auditor, { serviceId: svc.id, title: "Not mine", severity: "sev3" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("keeps automatic detection from opening a duplicate beside a manual incident", async () => {
    const svc = await testService({ failuresToOpen: 2 });
    await run("availability.incident_open", ops, { serviceId: svc.id, title: "Investigating", severity: "sev2" });
    const base = Date.now() - 60_000;
    await db.transaction((tx) =>
      ingestSamples(
        tx,
        SYSTEM_ACTOR,
        [0, 1, 2].map((i) => sample(svc.id, new Date(base + i * 10_000), "down")),
        "probe",
      ),
    );
    expect(await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.serviceId, svc.id))).toHaveLength(1);
  });

  it("records a root cause on an automatically resolved incident without moving its resolution", async () => {
    const svc = await testService({ failuresToOpen: 1, successesToResolve: 1 });
    const base = Date.now() - 120_000;
    await db.transaction((tx) =>
      ingestSamples(
        tx,
        SYSTEM_ACTOR,
        [sample(svc.id, new Date(base), "down"), sample(svc.id, new Date(base + 30_000), "healthy")],
        "probe",
      ),
    );
    const [auto] = await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.serviceId, svc.id));
    expect(auto!.resolvedAt).toEqual(new Date(base + 30_000));
    expect(await run("availability.incident_resolve", ops, { id: auto!.id, rootCause: "Node restarted by the autoscaler." })).toMatchObject(
      { ok: true },
    );
    const [after] = await db.select().from(availabilityIncidents).where(eq(availabilityIncidents.id, auto!.id));
    expect(after).toMatchObject({ resolvedAt: new Date(base + 30_000), resolvedBy: null, rootCause: "Node restarted by the autoscaler." });
    expect(await timeline(auto!.id)).toEqual(["detected", "recovered", "update"]);
  });

  it("keeps the timeline append-only", async () => {
    const svc = await testService();
    const id = openedId(await run("availability.incident_open", ops, { serviceId: svc.id, title: "Timeline", severity: "sev4" }));
    expect(await timeline(id)).toEqual(["opened"]);
    await expect(
      db.update(availabilityIncidentUpdates).set({ body: "rewritten" }).where(eq(availabilityIncidentUpdates.incidentId, id)),
    ).rejects.toThrow();
    await expect(db.delete(availabilityIncidentUpdates).where(eq(availabilityIncidentUpdates.incidentId, id))).rejects.toThrow();
  });
});
