import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, db } from "@/db/client";
import { createApiKey } from "@/lib/api-keys/service";
import type { RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { anonymousContext, insertUser, signedInContext } from "@/test/db";
import { awayFromRateWindowEdge } from "@/test/time";
import { apiKeyRoute, routeRegistry, sessionRoute } from "./define-route";

/**
 * The two route wrappers, on routes defined here: the app has no scoped or session route
 * yet, so the permission matrix cannot reach these branches through app/ alone.
 */
const scoped = apiKeyRoute("test.scoped", { scope: "audit:read" }, async (request, { ctx, params }) => {
  const mode = new URL(request.url).searchParams.get("mode");
  if (mode === "invalid") throw new AppError("validation", "Bad.", { fieldErrors: { since: ["Use an ISO date."] } });
  if (mode === "crash") throw new Error("secret internals: connection string postgres://user:pw@host");
  return Response.json({ keyId: ctx.apiKey?.id, ip: ctx.ip, params });
});
const session = sessionRoute("test.session", { permission: "audit.read" }, async (_request, { ctx }) =>
  Response.json({ user: ctx.user?.id }),
);

const url = (mode = "") => `http://127.0.0.1/api/v1/test${mode ? `?mode=${mode}` : ""}`;
const call = (token: string | null, mode = "") =>
  scoped(
    new Request(url(mode), { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "x-forwarded-for": "198.51.100.7" } }),
    { params: Promise.resolve({ id: "42" }) },
  );

let readToken = "";
let writeToken = "";
let limitedToken = "";
let admin: RequestContext;
beforeAll(async () => {
  admin = await signedInContext(await insertUser(["admin"]));
  const make = (scopes: ("audit:read" | "audit:write")[], ratePerMinute = 600) =>
    db.transaction((tx) => createApiKey(tx, admin, { name: "route test", scopes, ratePerMinute, ratePerDay: 100_000 }));
  readToken = (await make(["audit:read"])).token;
  writeToken = (await make(["audit:write"])).token;
  limitedToken = (await make(["audit:read"], 1)).token;
});
afterAll(closeDb);

describe("apiKeyRoute", () => {
  it("registers itself with its scope", () => {
    expect(routeRegistry.get("test.scoped")).toMatchObject({ kind: "api_key", scope: "audit:read" });
    expect(routeRegistry.get("test.session")).toMatchObject({ kind: "session", permission: "audit.read" });
  });

  it("answers 401 with a problem body and a Bearer challenge without a key", async () => {
    const res = await call(null);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);
    expect(await res.json()).toMatchObject({ type: "urn:assay:problem:unauthenticated", status: 401, instance: "/api/v1/test" });
  });

  it("answers 403 to a key without the scope, and runs the handler for one with it", async () => {
    expect((await call(writeToken)).status).toBe(403);
    const ok = await call(readToken);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ keyId: expect.any(String), ip: "198.51.100.7", params: { id: "42" } });
  });

  it("answers 429 with Retry-After once the key's limit is used up", async () => {
    await awayFromRateWindowEdge();
    expect((await call(limitedToken)).status).toBe(200);
    const res = await call(limitedToken);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("maps a validation error to 400 with field errors, and hides an unexpected error's details", async () => {
    const bad = await call(readToken, "invalid");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ field: "since", messages: ["Use an ISO date."] }] });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const crash = await call(readToken, "crash");
    spy.mockRestore();
    expect(crash.status).toBe(500);
    expect(await crash.text()).not.toContain("postgres://");
  });
});

describe("sessionRoute", () => {
  it("answers 401 signed out, 403 without the permission, and runs for a role that has it", async () => {
    const entry = routeRegistry.get("test.session");
    if (entry?.kind !== "session") throw new Error("test.session is not a session route");
    const request = new Request("http://127.0.0.1/audit/export");
    expect((await entry.invoke(anonymousContext(), request)).status).toBe(401);
    expect((await entry.invoke(await signedInContext(await insertUser(["ops"])), request)).status).toBe(403);
    const auditor = await signedInContext(await insertUser(["auditor"]));
    const res = await entry.invoke(auditor, request);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: auditor.user!.id });
    expect(typeof session).toBe("function");
  });
});
