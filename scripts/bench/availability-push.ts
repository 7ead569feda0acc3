import { MINUTE_MS, SECOND_MS } from "@/lib/time";
import { type Figure, round, SMALL, timed } from "./harness";

/**
 * Ingest through POST /api/v1/availability/samples from CLIENTS concurrent clients in batches
 * of BATCH, against plain multi-row inserts of equal batches (bench:availability's third
 * figure). Runs after DATABASE_URL points at the benchmark's database.
 */
const CLIENTS = 8;
const BATCH = 500;
const BATCHES_PER_CLIENT = SMALL ? 5 : 20;

export async function measurePush(services: { id: string; key: string }[], now: Date, intervalSeconds: number): Promise<Figure> {
  const SERVICES = services.length;
  const { db, sqlClient } = await import("@/db/client");
  const { ANONYMOUS } = await import("@/lib/context");
  const pg = sqlClient();
  const { createApiKey } = await import("@/lib/api-keys/service");
  const { POST } = await import("@/app/api/v1/availability/samples/route");
  const tokens = await Promise.all(
    Array.from({ length: CLIENTS }, (_, c) =>
      db
        .transaction((tx) =>
          createApiKey(tx, ANONYMOUS, {
            name: `bench push ${c}`,
            scopes: ["availability:write"],
            ratePerMinute: 1_000_000,
            ratePerDay: 100_000_000,
          }),
        )
        .then((k) => k.token),
    ),
  );
  // Each client owns its time slots (offset within the 30 s grid) and walks back from now.
  const batchRows = (client: number, batch: number, offsetMs: number) =>
    Array.from({ length: BATCH }, (_, i) => {
      const s = services[i % SERVICES]!;
      const slot = batch * (BATCH / SERVICES) + Math.floor(i / SERVICES);
      return {
        s,
        at: new Date(now.getTime() - MINUTE_MS - slot * intervalSeconds * SECOND_MS - offsetMs - client * SECOND_MS),
        status: i % 97 === 0 ? "down" : "healthy",
        latency: 20 + (i % 60),
      };
    });
  const plainInserts = (baseOffsetMs: number) =>
    timed(() =>
      Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          for (let b = 0; b < BATCHES_PER_CLIENT; b++) {
            const rows = batchRows(c, b, baseOffsetMs).map((r) => ({
              service_id: r.s.id,
              observed_at: r.at.toISOString(),
              status: r.status,
              latency_ms: r.latency,
              source: "push",
            }));
            await pg`INSERT INTO availability_samples ${pg(rows)}`;
          }
        }),
      ),
    );
  // Plain, push, plain: the baseline brackets the measurement as the table grows.
  // Offsets keep every row distinct: push at +2…+9 s, plain at +12…+19 s and +20…+27 s.
  const plainBefore = await plainInserts(12_000);
  const pushed = await timed(() =>
    Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let b = 0; b < BATCHES_PER_CLIENT; b++) {
          const body = {
            samples: batchRows(c, b, 2_000).map((r) => ({
              service: r.s.key,
              observedAt: r.at.toISOString(),
              status: r.status,
              latencyMs: r.latency,
            })),
          };
          const res = await POST(
            new Request("http://127.0.0.1/api/v1/availability/samples", {
              method: "POST",
              headers: { authorization: `Bearer ${tokens[c]}`, "content-type": "application/json" },
              body: JSON.stringify(body),
            }),
            { params: Promise.resolve({}) },
          );
          if (res.status !== 201) throw new Error(`push answered ${res.status}: ${await res.text()}`);
          const result = (await res.json()) as { inserted: number };
          if (result.inserted !== BATCH) throw new Error(`push inserted ${result.inserted} of ${BATCH}: the benchmark's rows collided`);
        }
      }),
    ),
  );
  const plainAfter = await plainInserts(20_000);
  const plain = { ms: (plainBefore.ms + plainAfter.ms) / 2 };
  const total = CLIENTS * BATCHES_PER_CLIENT * BATCH;
  const pushRate = total / (pushed.ms / SECOND_MS);
  const plainRate = total / (plain.ms / SECOND_MS);
  return {
    metric: "availability.ingest.push_rate",
    value: Math.round(pushRate),
    unit: "samples/s",
    baseline: Math.round(plainRate),
    ratio: round(pushRate / plainRate, 2),
    target: `≥ 0.5 × plain multi-row inserts (${CLIENTS} clients, batches of ${BATCH})`,
    met: pushRate / plainRate >= 0.5,
  };
}
