/**
 * One OS process of the audit hammer (lib/audit/hammer.service.test.ts), run as
 *   node --import tsx --conditions=react-server test/hammer-worker.ts <mode> <writers> <events> <table> <tag>
 * It opens one connection per writer, prints "ready", waits for "go" on stdin so that every
 * process starts at once, runs its writers concurrently, then prints one JSON result line.
 *
 * mode "real":  each event through recordAudit in its own transaction (the code under test).
 * mode "naive": the appender the chain-head lock exists to prevent: read the last row, insert
 *               seq+1 linked to it, with no lock. On the real table it also moves the head in
 *               the same transaction, so an insert that gets through leaves a valid chain.
 */
import { createInterface } from "node:readline";
import { closeDb, db, sqlClient } from "@/db/client";
import { recordAudit } from "@/lib/audit/append";
import { buildCanonicalEvent } from "@/lib/audit/canonical";
import { chainHash, GENESIS_HASH } from "@/lib/audit/hash";
import type { AuditActor } from "@/lib/context";
import type { AuditEventInput } from "@/lib/audit/vocabulary";

const [mode, writersArg, eventsArg, table = "audit_events", tag = "hammer"] = process.argv.slice(2);
const writers = Number(writersArg);
const events = Number(eventsArg);
if ((mode !== "real" && mode !== "naive") || !(writers > 0) || !(events > 0)) {
  throw new Error("usage: hammer-worker.ts real|naive <writers> <events> <table> <tag>");
}

type PgError = { code?: string; constraint_name?: string; message: string };
const result = { pid: process.pid, appended: 0, uniqueViolations: 0, constraints: [] as string[], errors: [] as string[] };

function input(writer: number, i: number): { actor: AuditActor; event: AuditEventInput } {
  return {
    // The user agent names the process and writer, so the test can see that they interleaved.
    actor: { userId: null, apiKeyId: null, ip: "192.0.2.99", userAgent: `hammer/${process.pid}/${writer}`, sessionId: null },
    event: {
      type: "data_modification",
      action: "hammer.append",
      outcome: "success",
      resource: { type: "hammer", id: tag },
      metadata: { writer, i },
    },
  };
}

async function realWriter(writer: number) {
  for (let i = 0; i < events; i += 1) {
    const { actor, event } = input(writer, i);
    await db.transaction((tx) => recordAudit(tx, actor, event));
    result.appended += 1;
  }
}

async function naiveWriter(writer: number) {
  const sql = sqlClient();
  for (let i = 0; i < events; i += 1) {
    const { actor, event } = input(writer, i);
    try {
      await sql.begin(async (tx) => {
        const [last] = await tx<{ seq: string; hash: string }[]>`SELECT seq, hash FROM ${tx(table)} ORDER BY seq DESC LIMIT 1`;
        const seq = Number(last?.seq ?? 0) + 1;
        const prevHash = last?.hash ?? GENESIS_HASH;
        const { event: doc, text } = buildCanonicalEvent(actor, event);
        const hash = chainHash(seq, prevHash, text);
        if (table === "audit_events") {
          // The real table generates its query columns from the canonical text.
          await tx`INSERT INTO audit_events (seq, canonical, prev_hash, hash) VALUES (${seq}, ${text}, ${prevHash}, ${hash})`;
        } else {
          await tx`
            INSERT INTO ${tx(table)} (seq, event_id, occurred_at, event_type, actor_user_id, actor_api_key_id, actor_ip,
                                      actor_user_agent, actor_session_id, resource_type, resource_id, action, outcome,
                                      metadata, canonical, prev_hash, hash)
            VALUES (${seq}, ${doc.id}, ${doc.time}, ${doc.type}, NULL, NULL, ${actor.ip}, ${actor.userAgent}, NULL,
                    ${doc.resource.type}, ${doc.resource.id}, ${doc.action}, ${doc.outcome},
                    (${text}::jsonb)->'metadata', ${text}, ${prevHash}, ${hash})`;
        }
        if (table === "audit_events") {
          await tx`UPDATE audit_chain_head SET seq = ${seq}, prev_hash = ${prevHash}, hash = ${hash} WHERE id = 1`;
        }
      });
      result.appended += 1;
    } catch (err) {
      const e = err as PgError;
      if (e.code === "23505") {
        result.uniqueViolations += 1;
        if (e.constraint_name && !result.constraints.includes(e.constraint_name)) result.constraints.push(e.constraint_name);
      } else if (result.errors.length < 5) result.errors.push(`${e.code ?? ""} ${e.message}`);
    }
  }
}

async function main() {
  // Open every connection before the start signal, so connecting does not stagger the writers.
  const sql = sqlClient();
  await Promise.all(Array.from({ length: writers }, () => sql`SELECT pg_sleep(0.05)`));
  process.stdout.write("ready\n");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === "go") break;
  lines.close();
  const run = mode === "real" ? realWriter : naiveWriter;
  const outcomes = await Promise.allSettled(Array.from({ length: writers }, (_, w) => run(w)));
  for (const o of outcomes) if (o.status === "rejected") result.errors.push(String((o.reason as Error)?.message ?? o.reason));
  await closeDb();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
