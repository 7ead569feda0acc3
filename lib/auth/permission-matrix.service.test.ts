import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db/client";
import { actionRegistry } from "@/lib/actions/define-action";
import { routeRegistry } from "@/lib/api/define-route";
import { createApiKey } from "@/lib/api-keys/service";
import { API_SCOPES, can, isPermission, PERMISSIONS, type ApiScope, type Permission, ROLES, type Role } from "@/lib/auth/permissions";
import type { RequestContext } from "@/lib/context";
import { anonymousContext, auditEvents, headSeq, insertUser, signedInContext } from "@/test/db";
import { countCalls, exportedNames, exportsDefinedWith, routeFiles, serverActionFiles } from "@/test/source-files";

/**
 * DESIGN.md invariant 3, checked exhaustively: every server action and route handler in the
 * tree is found by walking the source, and each one is invoked for every role and for a
 * signed-out caller, with real sessions read back from PostgreSQL.
 */

/** Exports of "use server" files that deliberately have no permission, and why. */
const PUBLIC_ACTIONS: Record<string, string> = {
  // Sign-in is how a visitor gets a session, so it cannot require one; its input is parsed
  // by zod and every attempt is audited (and throttled) inside authenticate().
  signInAction: "lib/auth/actions.ts",
  // Sign-out only ends the caller's own session (a signed-out call does nothing) and is audited.
  signOutAction: "lib/auth/actions.ts",
};

/** Route handlers that are public on purpose, and why. */
const PUBLIC_ROUTES: Record<string, string[]> = {
  // next-auth's own endpoints (CSRF token, credentials callback, session); they authenticate.
  "app/api/auth/[...nextauth]/route.ts": ["GET", "POST"],
  // Load-balancer readiness probe: says only whether the database answers.
  "app/api/health/route.ts": ["GET"],
  // The demo's simulated AI-service health endpoints: synthetic data, no secrets, and off
  // with ASSAY_SIMULATED_SERVICES=off. The worker probes them like any real service.
  "app/api/simulated/[service]/route.ts": ["GET"],
};

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const actionFiles = serverActionFiles();
const routeSources = routeFiles();
// Importing a file is what registers its actions and routes.
for (const f of [...actionFiles, ...routeSources]) await import(/* @vite-ignore */ f.file);
const actions = [...actionRegistry.values()];
const routes = [...routeRegistry.values()];

const contexts = new Map<Role | "no roles", RequestContext>();
const anonymous = anonymousContext();
let admin: RequestContext;

beforeAll(async () => {
  for (const role of ROLES) contexts.set(role, await signedInContext(await insertUser([role])));
  contexts.set("no roles", await signedInContext(await insertUser([], { label: "noroles" })));
  admin = contexts.get("admin")!;
});
afterAll(closeDb);

function rolesOf(who: Role | "no roles"): Role[] {
  return who === "no roles" ? [] : [who];
}

describe("every server action is registered with a permission", () => {
  it("finds the action files (the walk is not vacuous)", () => {
    const found = actionFiles.map((f) => f.relative);
    for (const known of ["lib/users/actions.ts", "lib/api-keys/actions.ts", "lib/account/actions.ts", "lib/auth/actions.ts"])
      expect(found).toContain(known);
  });

  it.each(actionFiles.map((f) => [f.relative, f] as const))(
    "%s: every export is a defineAction(…) or on the public list",
    (relative, f) => {
      const exported = exportedNames(f.text);
      const defined = exportsDefinedWith(f.text, "defineAction");
      const publicHere = Object.entries(PUBLIC_ACTIONS)
        .filter(([, file]) => file === relative)
        .map(([name]) => name);
      expect(exported).toEqual([...defined, ...publicHere].sort());
      expect(exported.length).toBe(countCalls(f.text, "defineAction") + publicHere.length);
    },
  );

  it("registers one action per defineAction call (no two share a name), each naming a real permission", () => {
    expect(actionRegistry.size).toBe(actionFiles.reduce((n, f) => n + countCalls(f.text, "defineAction"), 0));
    for (const a of actions) expect(isPermission(a.permission), `${a.name}: ${a.permission}`).toBe(true);
  });

  it("keeps account and key administration to admins", () => {
    expect(PERMISSIONS["users.manage"]).toEqual(["admin"]);
    expect(PERMISSIONS["api_keys.manage"]).toEqual(["admin"]);
  });
});

describe("actions × roles", () => {
  it.each(actions.map((a) => [a.name, a] as const))("%s: refused unless the role holds its permission", async (_name, action) => {
    expect(await action.invoke(anonymous, {})).toMatchObject({ ok: false, code: "unauthenticated" });
    for (const [who, ctx] of contexts) {
      const result = await action.invoke(ctx, {});
      if (can(rolesOf(who), action.permission)) {
        // Allowed: it gets as far as parsing `{}` (validation) or runs; never refused, never a crash.
        expect(result?.ok === false ? result.code : "ok", `${action.name} as ${who}`).not.toMatch(/^(forbidden|unauthenticated|internal)$/);
      } else {
        expect(result, `${action.name} as ${who}`).toMatchObject({ ok: false, code: "forbidden" });
      }
    }
  });

  it("a refusal is itself an audit event", async () => {
    const action = actions.find((a) => !can(["auditor"], a.permission))!;
    const auditor = contexts.get("auditor")!;
    const after = await headSeq();
    await action.invoke(auditor, { anything: "ignored" });
    const events = await auditEvents({ actorUserId: auditor.user!.id, afterSeq: after });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: "access_denied",
      action: "access.denied",
      outcome: "denied",
      metadata: { permission: action.permission, reason: "missing_role", roles: ["auditor"] },
    });
  });
});

/** The wrappers in lib/api/define-route.ts, each of which registers the route it defines. */
const ROUTE_WRAPPERS = ["apiKeyRoute", "apiKeyStatementRoute", "sessionRoute"];

describe("every route handler is registered with an API-key scope or a permission", () => {
  it.each(routeSources.map((f) => [f.relative, f] as const))("%s: every HTTP export is wrapped or on the public list", (relative, f) => {
    const methods = exportedNames(f.text).filter((n) => HTTP_METHODS.has(n));
    const wrapped = ROUTE_WRAPPERS.flatMap((wrapper) => exportsDefinedWith(f.text, wrapper));
    expect(methods).toEqual([...wrapped, ...(PUBLIC_ROUTES[relative] ?? [])].sort());
  });

  it("registers one route per wrapper call, each naming a real scope or permission", () => {
    expect(routeRegistry.size).toBe(
      routeSources.reduce((n, f) => n + ROUTE_WRAPPERS.reduce((m, wrapper) => m + countCalls(f.text, wrapper), 0), 0),
    );
    for (const r of routes) {
      if (r.kind === "session") expect(isPermission(r.permission), r.name).toBe(true);
      else expect(r.scope === null || (API_SCOPES as readonly string[]).includes(r.scope), r.name).toBe(true);
    }
  });

  const keys = new Map<string, string>();
  /** A key holding exactly these scopes, created once per scope set. */
  async function keyWith(scopes: ApiScope[]): Promise<string> {
    const id = scopes.join(",");
    if (!keys.has(id))
      keys.set(
        id,
        (
          await db.transaction((tx) =>
            createApiKey(tx, admin, { name: `matrix ${id}`, scopes, ratePerMinute: 10_000, ratePerDay: 100_000 }),
          )
        ).token,
      );
    return keys.get(id)!;
  }
  const request = (token?: string) =>
    new Request("http://127.0.0.1/api/matrix", { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const params = { params: Promise.resolve({}) };
  /** The status, with the body discarded: a streamed download must not hold a connection open. */
  const statusOf = async (res: Promise<Response>) => {
    const r = await res;
    await r.body?.cancel().catch(() => undefined);
    return r.status;
  };

  it.each(routes.map((r) => [r.name, r] as const))("%s: refused without the right credentials", async (_name, route) => {
    if (route.kind === "api_key") {
      const none = await route.handler(request(), params);
      expect(none.status).toBe(401);
      expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await statusOf(route.handler(request("assay_not_a_key"), params))).toBe(401);
      if (route.scope) {
        expect(await statusOf(route.handler(request(await keyWith(API_SCOPES.filter((s) => s !== route.scope))), params))).toBe(403);
      }
      expect([401, 403]).not.toContain(await statusOf(route.handler(request(await keyWith([...API_SCOPES])), params)));
    } else {
      expect(await statusOf(route.invoke(anonymous, request()))).toBe(401);
      for (const [who, ctx] of contexts) {
        const status = await statusOf(route.invoke(ctx, request()));
        if (can(rolesOf(who), route.permission as Permission)) expect([401, 403], `${route.name} as ${who}`).not.toContain(status);
        else expect(status, `${route.name} as ${who}`).toBe(403);
      }
    }
  });
});
