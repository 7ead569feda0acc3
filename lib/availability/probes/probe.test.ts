import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probe } from "./probe";

/** A real HTTP server on a free port; each path behaves like a kind of service. */
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const json = (status: number, body: unknown, delay = 0) =>
      setTimeout(() => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      }, delay);
    switch (req.url) {
      case "/fast":
        return json(200, { status: "ok", modelLoaded: true, gpuAvailable: true, queueDepth: 3, nested: { ignored: true } });
      case "/says-degraded":
        return json(200, { status: "degraded", queueDepth: 400 });
      case "/says-down":
        return json(200, { status: "unhealthy" });
      case "/model-unloaded":
        return json(200, { status: "ok", modelLoaded: false });
      case "/error":
        return json(503, { error: "overloaded" });
      case "/text":
        res.writeHead(200, { "content-type": "text/plain" });
        return res.end("OK");
      case "/hang":
        return; // never answers
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const target = (path: string, timeoutMs = 2000, degradedLatencyMs = 100) => ({ url: `${base}${path}`, timeoutMs, degradedLatencyMs });

/**
 * A clock whose second reading is `latencyMs` after its first: the probe reads it when it
 * starts and when the answer is in, so the latency it sees is exactly the one we choose,
 * however busy the machine is.
 */
function clockReading(latencyMs: number) {
  const readings = [1_000, 1_000 + latencyMs];
  return () => readings.shift() ?? 1_000 + latencyMs;
}

describe("probe", () => {
  it("records a fast 2xx as healthy with the body's simple fields", async () => {
    const r = await probe(target("/fast"), { now: clockReading(12) });
    expect(r.status).toBe("healthy");
    expect(r.latencyMs).toBe(12);
    expect(r.details).toEqual({ httpStatus: 200, status: "ok", modelLoaded: true, gpuAvailable: true, queueDepth: 3 });
  });

  it("records a 2xx slower than the threshold as degraded, and one at the threshold as healthy", async () => {
    const r = await probe(target("/fast"), { now: clockReading(150) });
    expect(r.status).toBe("degraded");
    expect(r.latencyMs).toBe(150);
    expect((await probe(target("/fast"), { now: clockReading(100) })).status).toBe("healthy");
    expect((await probe(target("/fast"), { now: clockReading(101) })).status).toBe("degraded");
  });

  it("measures with the real clock when none is given", async () => {
    const r = await probe(target("/fast", 2000, 60_000));
    expect(r.status).toBe("healthy");
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("believes the body: degraded, unhealthy, or the model not loaded", async () => {
    expect((await probe(target("/says-degraded"), { now: clockReading(1) })).status).toBe("degraded");
    expect((await probe(target("/says-down"))).status).toBe("down");
    expect((await probe(target("/model-unloaded"))).status).toBe("down");
  });

  it("records a non-2xx as down with its HTTP status", async () => {
    const r = await probe(target("/error"));
    expect(r).toMatchObject({ status: "down", details: { httpStatus: 503 } });
    expect((await probe(target("/missing"))).status).toBe("down");
  });

  it("accepts a plain-text 200 without details", async () => {
    expect(await probe(target("/text"), { now: clockReading(1) })).toMatchObject({ status: "healthy", details: { httpStatus: 200 } });
  });

  it("records a timeout as down, without throwing", async () => {
    const started = Date.now();
    const r = await probe(target("/hang", 300));
    expect(r).toEqual({ status: "down", latencyMs: null, details: { error: "no answer within 300 ms" } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("records a refused connection as down, without throwing", async () => {
    // A port that was just free: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await probe({ url: `http://127.0.0.1:${port}/health`, timeoutMs: 1000, degradedLatencyMs: 100 });
    expect(r.status).toBe("down");
    expect(String(r.details.error)).toBe("ECONNREFUSED");
  });
});
