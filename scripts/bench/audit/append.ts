import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { ANONYMOUS } from "@/lib/context";
import { createApiKey } from "@/lib/api-keys/service";
import { recordAudit } from "@/lib/audit/append";
import { buildCanonicalEvent } from "@/lib/audit/canonical";
import { median, round, SMALL, type Figure } from "../harness";
import { benchEvent } from "./seed";

/**
 * Append throughput as ratios of plain, unchained inserts of the same rows into a copy of
 * the table with the same indexes (bench_plain), measured in alternating rounds.
 */
export async function benchAppend(): Promise<Figure[]> {
  await db.execute(sql`CREATE TABLE bench_plain (LIKE audit_events INCLUDING ALL)`);
  await db.execute(sql`CREATE SEQUENCE bench_plain_seq`);
  await db.execute(sql`CREATE TABLE bench_business (id bigserial PRIMARY KEY, payload text NOT NULL)`);
  const figures: Figure[] = [];

  const single = SMALL ? 300 : 2000;
  const one = await rounds(
    async () => {
      for (let i = 0; i < single; i++) await db.transaction((tx) => recordAudit(tx, benchEvent(i).actor, benchEvent(i).input));
      return single;
    },
    async () => {
      for (let i = 0; i < single; i++) await db.transaction((tx) => tx.execute(plainInsert([i])));
      return single;
    },
  );
  figures.push(figure("audit.append.single_writer", one, 0.8, "ratio >= 0.8 of plain single-row insert transactions"));

  const perWriter = SMALL ? 60 : 400;
  const eight = await rounds(
    () => writers(8, perWriter, (tx, i) => recordAudit(tx, benchEvent(i).actor, benchEvent(i).input).then(() => undefined)),
    () => writers(8, perWriter, (tx, i) => tx.execute(plainInsert([i])).then(() => undefined)),
  );
  figures.push(
    figure("audit.append.eight_writers_with_business_row", eight, 0.5, "ratio >= 0.5 of the same transactions with a plain insert"),
  );

  const { POST } = await import("@/app/api/v1/audit/events/route");
  const key = await db.transaction((tx) =>
    createApiKey(tx, ANONYMOUS, { name: "bench", scopes: ["audit:write"], ratePerMinute: 100_000, ratePerDay: 10_000_000 }),
  );
  const batches = SMALL ? 5 : 20;
  const body = JSON.stringify({ events: Array.from({ length: 1000 }, (_, i) => benchEvent(i).input) });
  const api = await rounds(
    async () => {
      for (let b = 0; b < batches; b++) {
        const res = await POST(
          new Request("http://127.0.0.1/api/v1/audit/events", {
            method: "POST",
            headers: { authorization: `Bearer ${key.token}`, "content-type": "application/json" },
            body,
          }),
          { params: Promise.resolve({}) },
        );
        if (res.status !== 201) throw new Error(`API answered ${res.status}: ${await res.text()}`);
      }
      return batches * 1000;
    },
    async () => {
      for (let b = 0; b < batches; b++) await db.transaction((tx) => tx.execute(plainInsert(Array.from({ length: 1000 }, (_, i) => i))));
      return batches * 1000;
    },
  );
  figures.push(figure("audit.append.api_batches_of_1000", api, 0.8, "ratio >= 0.8 of plain multi-row inserts"));
  return figures;
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

async function writers(count: number, each: number, write: (tx: Tx, i: number) => Promise<void>): Promise<number> {
  await Promise.all(
    Array.from({ length: count }, async (_, w) => {
      for (let i = 0; i < each; i++) {
        await db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO bench_business (payload) VALUES (${`writer ${w} change ${i}`})`);
          await write(tx, w * each + i);
        });
      }
    }),
  );
  return count * each;
}

/**
 * The same rows the writer stores, without the chain: seq from a sequence, fresh random
 * hashes, no head row. bench_plain is a copy of audit_events with its indexes and
 * generated query columns, so both sides pay for those alike.
 */
function plainInsert(indexes: number[]) {
  const rows = indexes.map((i) => {
    const { actor, input } = benchEvent(i);
    const { text } = buildCanonicalEvent(actor, input);
    return sql`(nextval('bench_plain_seq'), ${text}::text, md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text))`;
  });
  return sql`INSERT INTO bench_plain (seq, canonical, prev_hash, hash) VALUES ${sql.join(rows, sql`, `)}`;
}

/**
 * Three alternating rounds after an unmeasured one (which warms both code paths in V8 and
 * the pool's connections and prepared statements); returns median rates (items/s) of
 * subject and baseline.
 */
async function rounds(subject: () => Promise<number>, baseline: () => Promise<number>) {
  await subject();
  await baseline();
  const s: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const n = await subject();
    s.push(n / ((performance.now() - t) / 1000));
    t = performance.now();
    const m = await baseline();
    b.push(m / ((performance.now() - t) / 1000));
  }
  return { value: median(s), baseline: median(b) };
}

function figure(metric: string, r: { value: number; baseline: number }, min: number, target: string): Figure {
  const ratio = r.value / r.baseline;
  return {
    metric,
    value: Math.round(r.value),
    unit: "events/s",
    baseline: Math.round(r.baseline),
    ratio: round(ratio),
    target,
    met: ratio >= min,
  };
}
