import { checkDatabase } from "@/lib/health";

/** Unauthenticated readiness probe for load balancers: says only whether the database answers. */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  if (await checkDatabase()) return Response.json({ status: "ok" }, { headers });
  return Response.json({ status: "unavailable" }, { status: 503, headers });
}
