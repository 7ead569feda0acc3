import { ServiceKey } from "@/lib/availability/schemas";
import { simulate } from "@/lib/availability/service";

/**
 * Simulated AI-service health endpoints for the demo, probed by the worker like any real
 * service. Public by design (a health endpoint has no secrets); set
 * ASSAY_SIMULATED_SERVICES=off to remove them in production.
 */
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ service: string }> }) {
  const { service } = await params;
  if (process.env.ASSAY_SIMULATED_SERVICES === "off" || !ServiceKey.safeParse(service).success) {
    return Response.json({ error: "not found" }, { status: 404 });
  }
  const answer = simulate(service, new Date());
  await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  return Response.json({ service, ...answer.body }, { status: answer.httpStatus, headers: { "cache-control": "no-store" } });
}
