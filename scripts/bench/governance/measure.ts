import { eq, sql } from "drizzle-orm";
import { db, sqlClient } from "@/db/client";
import { promotionRequests } from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Role } from "@/lib/auth/permissions";
import { countWaitingFor, getRequestView, listWaitingFor } from "@/lib/governance/queries";
import { approveRequest, governed } from "@/lib/governance/service";
import { percentile, round, SMALL, type Figure } from "../harness";
import type { BenchPeople } from "./seed";

const WARMUP = 5;

async function sample(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n + WARMUP; i++) {
    const t = performance.now();
    await fn(i);
    if (i >= WARMUP) times.push(performance.now() - t);
  }
  return times;
}

function figure(metric: string, times: number[], base: number, limit: number, what: string): Figure {
  const p95 = percentile(times, 95);
  return {
    metric,
    value: round(p95, 2),
    unit: "ms",
    baseline: round(base, 2),
    ratio: round(p95 / base, 2),
    target: `p95 < ${limit} ms ${what}`,
    met: p95 < limit,
  };
}

export function approverContext(id: string, role: Role | Role[]): RequestContext {
  const roles = Array.isArray(role) ? role : [role];
  return {
    user: { id, email: `${id}@bench`, name: id, roles, totpEnabled: false },
    sessionId: null,
    apiKey: null,
    ip: "127.0.0.1",
    userAgent: "assay-bench",
  };
}

/** The inbox (list and navigation count) and the request page, beside a primary-key select. */
export async function benchReads(people: BenchPeople, scale: string): Promise<Figure[]> {
  const s = sqlClient();
  const n = SMALL ? 40 : 200;
  const open = (
    await s<{ id: string }[]>`SELECT id FROM promotion_requests WHERE status = 'open' AND to_status = 'production' ORDER BY id`
  ).map((r) => r.id);
  const past = (await s<{ id: string }[]>`SELECT id FROM promotion_requests WHERE status <> 'open' ORDER BY id LIMIT 2000`).map(
    (r) => r.id,
  );
  const baseline = percentile(
    await sample(n, (i) => s`SELECT * FROM promotion_requests WHERE id = ${past[(i * 7919) % past.length]!}`),
    95,
  );
  const viewers = [
    { id: people.byRole.security_lead[0]!, roles: ["security_lead"] as Role[] },
    // Two roles: waiting on every open request, production and staging alike.
    { id: people.byRole.ml_lead[1]!, roles: ["ml_lead", "qa_lead"] as Role[] },
  ];
  const inbox = await sample(n, (i) => listWaitingFor(viewers[i % 2]!));
  const count = await sample(n, (i) => countWaitingFor(viewers[i % 2]!));
  const page = await sample(n, (i) => getRequestView(open[(i * 131) % open.length]!, viewers[i % 2]!));
  return [
    figure("governance.inbox.list.p95", inbox, baseline, 50, `(100 rows) at ${scale}`),
    figure("governance.inbox.count.p95", count, baseline, 50, `(navigation badge) at ${scale}`),
    figure("governance.request_page.p95", page, baseline, 50, `(request, version, production version, decisions, gates) at ${scale}`),
  ];
}

/**
 * 20 approvers at once, each deciding a different request (of a different model), round
 * after round until every request is decided; the last round promotes. Server-side time
 * per decision: the verb in its transaction, audit append included.
 */
export async function benchDecisions(
  people: BenchPeople,
  to: "production" | "staging",
  batches: number,
  opts: { skip?: number; sequential?: boolean } = {},
): Promise<{ times: number[]; promoted: number }> {
  const roles: Role[] = to === "production" ? ["ml_lead", "security_lead", "product_owner"] : ["ml_lead", "qa_lead"];
  const ids = (
    await db
      .select({ id: promotionRequests.id })
      .from(promotionRequests)
      .where(sql`${promotionRequests.status} = 'open' and ${promotionRequests.toStatus} = ${to}`)
      .orderBy(promotionRequests.modelId)
  ).map((r) => r.id);
  const times: number[] = [];
  let promoted = 0;
  for (let b = 0; b < batches; b++) {
    const batch = ids.slice((opts.skip ?? 0) + b * 20, (opts.skip ?? 0) + b * 20 + 20);
    for (const role of roles) {
      const approvers = people.byRole[role as keyof BenchPeople["byRole"]];
      const decide = async (requestId: string, i: number) => {
        const ctx = approverContext(approvers[i]!, role);
        const t = performance.now();
        const result = await governed(ctx, (tx) => approveRequest(tx, ctx, { requestId, comment: "" }));
        times.push(performance.now() - t);
        if (result.promoted) promoted += 1;
      };
      if (opts.sequential) for (const [i, requestId] of batch.entries()) await decide(requestId, i);
      else await Promise.all(batch.map(decide));
    }
  }
  return { times, promoted };
}

/** The baseline: the same 20-way concurrency, each a transaction updating one row. */
export async function benchPlainUpdates(rounds: number, sequential = false): Promise<number[]> {
  const ids = (
    await db
      .select({ id: promotionRequests.id })
      .from(promotionRequests)
      .where(eq(promotionRequests.status, "approved"))
      .limit(20 * rounds)
  ).map((r) => r.id);
  const times: number[] = [];
  const update = async (id: string) => {
    const t = performance.now();
    await db.transaction((tx) =>
      tx
        .update(promotionRequests)
        .set({ justification: sql`${promotionRequests.justification}` })
        .where(eq(promotionRequests.id, id)),
    );
    times.push(performance.now() - t);
  };
  // One unmeasured round first: the pool opens its connections on first use, and a
  // connection's start-up is not the cost of an update (the decisions run on warm ones too).
  await Promise.all(ids.slice(0, 20).map(update));
  times.length = 0;
  for (let r = 0; r < rounds; r++) {
    const round = ids.slice(r * 20, r * 20 + 20);
    if (sequential) for (const id of round) await update(id);
    else await Promise.all(round.map(update));
  }
  return times;
}

export { figure };
