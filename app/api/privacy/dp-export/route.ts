import { sessionRoute } from "@/lib/api/define-route";
import { dpExport } from "@/lib/privacy/dp-export";

/** Consent counts with Laplace noise at `?epsilon=`, for sharing outside the company. */
export const GET = sessionRoute("privacy.dp_export", { permission: "privacy.export" }, async (request, { ctx }) => {
  const body = await dpExport(ctx, { epsilon: new URL(request.url).searchParams.get("epsilon") ?? "" });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="consent-counts-dp-eps${body.epsilonPerCount}.json"`,
      "cache-control": "no-store",
    },
  });
});
