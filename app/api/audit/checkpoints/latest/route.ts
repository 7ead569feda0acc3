import { sessionRoute } from "@/lib/api/define-route";
import { listCheckpoints } from "@/lib/audit/checkpoints";
import { AppError } from "@/lib/errors";

/** The newest signed checkpoint as JSON: keep it outside Assay, and verify against it later. */
export const GET = sessionRoute("audit.latest_checkpoint", { permission: "audit.read" }, async () => {
  const [latest] = await listCheckpoints(undefined, 1);
  if (!latest) throw new AppError("not_found", "No checkpoint has been signed yet.");
  return new Response(JSON.stringify(latest, null, 2) + "\n", {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="assay-checkpoint-${latest.size}.json"`,
      "cache-control": "no-store",
    },
  });
});
