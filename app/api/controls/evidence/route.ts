import { sessionRoute } from "@/lib/api/define-route";
import { UploadEvidenceFields } from "@/lib/controls/schemas";
import { storeUploadedEvidence } from "@/lib/controls/service";
import { readCappedForm } from "@/lib/controls/upload-body";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/**
 * Evidence upload. A route handler rather than a server action: actions cap request bodies
 * (1 MB by default) below the evidence limit, and here the body is refused as it streams.
 */
export const POST = sessionRoute("controls.evidence_upload", { permission: "controls.contribute" }, async (request, { ctx }) => {
  const form = await readCappedForm(request);
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    throw new AppError("validation", "Choose a file to upload.", { fieldErrors: { file: ["Choose a file to upload."] } });
  const fields = parseInput(UploadEvidenceFields, {
    evidenceDate: form.get("evidenceDate") ?? undefined,
    description: form.get("description") ?? undefined,
    occurrenceId: form.get("occurrenceId") ?? undefined,
  });
  const stored = await storeUploadedEvidence(ctx, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, fields);
  return Response.json({ ...stored, filename: file.name }, { status: 201, headers: { "cache-control": "no-store" } });
});
