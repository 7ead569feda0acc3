import { apiKeyRoute } from "@/lib/api/define-route";

/** Lets a machine client check its key: which key this is and what it may do. */
export const GET = apiKeyRoute("api.me", { scope: null }, async (_request, { ctx }) => {
  const key = ctx.apiKey!;
  return Response.json({ key: { name: key.name, prefix: key.prefix, scopes: key.scopes } }, { headers: { "cache-control": "no-store" } });
});
