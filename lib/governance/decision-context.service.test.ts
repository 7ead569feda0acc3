import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, type Transaction } from "@/db/client";
import { promotionDecisions, promotionRequests } from "@/db/schema";
import { advanceTo, castOfPeople, makeModel, makeVersion, type Cast } from "@/test/governance";
import { lockAndLoadDecisionContext } from "./decision-context";
import { lockRequestModelQuery } from "./locks";
import { requestPromotion } from "./promotion-service";

/**
 * An approval locks the request's model and reads the request in one round trip: the two
 * statements are pipelined. That is only right if PostgreSQL runs the read after the lock is
 * granted, with a snapshot taken then, so that it sees what the previous holder committed.
 */
let p: Cast;
beforeAll(async () => {
  p = await castOfPeople();
});
afterAll(closeDb);

async function openRequest() {
  const model = await makeModel(p.engineer);
  const version = await makeVersion(p.engineer, model.id);
  await advanceTo(version.id, "staging");
  const { id } = await db.transaction((tx) =>
    requestPromotion(tx, p.engineer, { versionId: version.id, toStatus: "production", justification: "Ready for production traffic." }),
  );
  const [request] = await db.select().from(promotionRequests).where(eq(promotionRequests.id, id));
  return request!;
}

/** Holds the model lock while `reader` starts, then commits an approval and lets go. */
async function approveWhileReading<T>(reader: (tx: Transaction, requestId: string) => Promise<T>): Promise<T> {
  const request = await openRequest();
  let locked!: () => void;
  const holding = new Promise<void>((resolve) => (locked = resolve));
  let reading!: Promise<T>;
  await db.transaction(async (holder) => {
    await holder.execute(lockRequestModelQuery(request.id));
    locked();
    reading = db.transaction((tx) => reader(tx, request.id));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the reader is now waiting for the model lock
    await holder.insert(promotionDecisions).values({
      requestId: request.id,
      decidedBy: p.lead.user!.id,
      decision: "approve",
      role: "ml_lead",
      comment: "",
      artifactDigest: request.artifactDigest,
    });
  });
  await holding;
  return reading;
}

describe("locking and reading a decision's context in one round trip", () => {
  it("waits for the model lock and then sees the approval its previous holder committed", async () => {
    const context = await approveWhileReading((tx, id) => lockAndLoadDecisionContext(tx, id));
    expect(context?.snapshot.decisions).toEqual([
      expect.objectContaining({ decidedBy: p.lead.user!.id, decision: "approve", role: "ml_lead" }),
    ]);
  });

  it("negative control: a read issued before the lock does not wait, and misses that approval", async () => {
    const decisions = await approveWhileReading(async (tx, id) => {
      const [rows] = await Promise.all([
        tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM promotion_decisions WHERE request_id = ${id}`),
        tx.execute(lockRequestModelQuery(id)),
      ]);
      return rows[0]!.n;
    });
    expect(decisions).toBe(0);
  });

  it("statements issued together run in the order issued, each seeing the one before", async () => {
    for (let i = 0; i < 50; i++) {
      const [, seen] = await db.transaction((tx) =>
        Promise.all([
          tx.execute(sql`SELECT set_config('assay.order_probe', ${String(i)}, true)`),
          tx.execute<{ v: string }>(sql`SELECT current_setting('assay.order_probe', true) AS v`),
        ]),
      );
      expect(seen[0]!.v).toBe(String(i));
    }
  });

  it("an unknown request has no context", async () => {
    expect(await db.transaction((tx) => lockAndLoadDecisionContext(tx, "00000000-0000-4000-8000-000000000000"))).toBeNull();
  });
});
