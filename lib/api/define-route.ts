import "server-only";
import type { SQL } from "drizzle-orm";
import type { z } from "zod";
import { authenticateApiKey, authenticateApiKeyWith } from "@/lib/api-keys/authenticate";
import { clientIpFrom, getRequestContext, requireRole } from "@/lib/auth/service";
import type { RequestContext } from "@/lib/context";
import type { ApiScope, Permission } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { problemResponse } from "./problem";
import { readJson } from "./read-json";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler = (request: Request, args: { ctx: RequestContext; params: Record<string, string | string[]> }) => Promise<Response>;

export type RegisteredRoute =
  | { name: string; kind: "api_key"; scope: ApiScope | null; handler: (request: Request, context: RouteContext) => Promise<Response> }
  | { name: string; kind: "session"; permission: Permission; invoke: (ctx: RequestContext, request: Request) => Promise<Response> };

/** Every route handler defined with these wrappers, for the permission-matrix test. */
export const routeRegistry = new Map<string, RegisteredRoute>();

type Origin = Pick<RequestContext, "ip" | "userAgent">;

/**
 * What every machine route shares: the caller's origin, RFC 9457 errors and registration.
 * `answer` authenticates (one way or the other) and answers.
 */
function machineRoute(
  name: string,
  scope: ApiScope | null,
  answer: (request: Request, origin: Origin, context: RouteContext) => Promise<Response>,
) {
  async function route(request: Request, context: RouteContext): Promise<Response> {
    const origin = { ip: clientIpFrom(request.headers), userAgent: request.headers.get("user-agent") };
    try {
      return await answer(request, origin, context);
    } catch (err) {
      return problemResponse(err, new URL(request.url).pathname);
    }
  }
  routeRegistry.set(name, { name, kind: "api_key", scope, handler: route });
  return route;
}

const keyContext = (apiKey: RequestContext["apiKey"], origin: Origin): RequestContext => ({
  user: null,
  sessionId: null,
  apiKey,
  ...origin,
});

/**
 * A machine route (`/api/v1/…`): API-key authentication, scope check, rate limit, and
 * RFC 9457 errors. `scope: null` admits any valid key.
 */
export function apiKeyRoute(name: string, options: { scope: ApiScope | null }, handler: Handler) {
  return machineRoute(name, options.scope, async (request, origin, context) => {
    const apiKey = await authenticateApiKey(request.headers.get("authorization"), options.scope, origin);
    return handler(request, { ctx: keyContext(apiKey, origin), params: (await context.params) ?? {} });
  });
}

/**
 * A machine route whose work is one statement, e.g. the consent check: the JSON body is
 * validated first, and the statement runs inside the key's authentication statement (see
 * `authenticateApiKeyWith`), so the answer costs one round trip. A bad body is reported
 * only to a caller whose key passed: anyone else gets the authentication error, exactly as
 * on every other machine route.
 */
export function apiKeyStatementRoute<S extends z.ZodType, J, R>(
  name: string,
  options: {
    scope: ApiScope;
    input: S;
    maxBytes: number;
    /** The route's statement for this input (given the SQL for the key's id), and how to read its json result. */
    statement: (input: z.output<S>, origin: Origin) => { sql: (keyId: SQL) => SQL; parse: (json: J) => R };
  },
  handler: (request: Request, args: { ctx: RequestContext; result: R }) => Promise<Response>,
) {
  return machineRoute(name, options.scope, async (request, origin) => {
    const body = await readJson(request, options.maxBytes)
      .then((json) => parseInput(options.input, json))
      .then(
        (input: z.output<S>) => ({ input }),
        (error: unknown) => ({ error }),
      );
    const statement = "input" in body ? options.statement(body.input, origin) : null;
    const { principal, result } = await authenticateApiKeyWith<J>(
      request.headers.get("authorization"),
      options.scope,
      origin,
      statement?.sql ?? null,
    );
    if ("error" in body) throw body.error;
    return handler(request, { ctx: keyContext(principal, origin), result: statement!.parse(result as J) });
  });
}

/** A download or other browser-facing route: the signed-in session and a permission. */
export function sessionRoute(name: string, options: { permission: Permission }, handler: Handler) {
  async function invoke(ctx: RequestContext, request: Request, params: Record<string, string | string[]> = {}) {
    try {
      await requireRole(ctx, options.permission);
      return await handler(request, { ctx, params });
    } catch (err) {
      return problemResponse(err, new URL(request.url).pathname);
    }
  }
  routeRegistry.set(name, { name, kind: "session", permission: options.permission, invoke: (ctx, request) => invoke(ctx, request) });
  return async (request: Request, context: RouteContext) => {
    // getRequestContext loads next-auth on first use: machine routes never do.
    return invoke(await getRequestContext(), request, (await context.params) ?? {});
  };
}
