import "@/test/signing-env"; // first: this file signs checkpoints
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { recordAudit } from "./append";
import { checkpointDue, checkpointHead } from "./checkpoints";
import type { AuditActor } from "@/lib/context";

/**
 * Events recorded by services are chained at commit, where no signing key is at hand, so
 * the worker signs their interval crossings: checkpointDue is its rule. Service files run
 * one at a time, so nobody else moves the head meanwhile.
 */
const actor: AuditActor = { userId: null, apiKeyId: null, ip: "192.0.2.66", userAgent: "checkpoints.service.test", sessionId: null };
const NEVER = 1e12; // an interval the log never crosses
const LONG_AGO = 1e6; // minutes: an age no checkpoint reaches

afterAll(closeDb);

describe("when the worker signs a checkpoint", () => {
  it("not while the newest checkpoint names the head, whatever the rules", async () => {
    await db.transaction((tx) => recordAudit(tx, actor, { type: "data_access", action: "test.checkpoint_due", outcome: "success" }));
    const cp = await db.transaction((tx) => checkpointHead(tx));
    expect(cp).not.toBeNull();
    expect(await checkpointDue(0, 1)).toBe(false);
  });

  it("once the log crosses a multiple of the interval, however recent the last checkpoint", async () => {
    const cp = (await db.transaction((tx) => checkpointHead(tx)))!;
    const every = cp.size + 2; // the next multiple is two events away
    await db.transaction((tx) => recordAudit(tx, actor, { type: "data_access", action: "test.checkpoint_due", outcome: "success" }));
    expect(await checkpointDue(LONG_AGO, every)).toBe(false); // size + 1: not crossed yet
    await db.transaction((tx) => recordAudit(tx, actor, { type: "data_access", action: "test.checkpoint_due", outcome: "success" }));
    expect(await checkpointDue(LONG_AGO, every)).toBe(true); // size + 2 = every
    const next = (await db.transaction((tx) => checkpointHead(tx)))!;
    expect(next.size).toBe(cp.size + 2);
    expect(await checkpointDue(LONG_AGO, every)).toBe(false);
  });

  it("when the log grew and the last checkpoint is older than the age limit, without a crossing", async () => {
    await db.transaction((tx) => checkpointHead(tx));
    await db.transaction((tx) => recordAudit(tx, actor, { type: "data_access", action: "test.checkpoint_due", outcome: "success" }));
    expect(await checkpointDue(LONG_AGO, NEVER)).toBe(false);
    expect(await checkpointDue(0, NEVER)).toBe(true);
  });
});
