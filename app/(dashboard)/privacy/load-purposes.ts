import "server-only";
import type { PurposeOption } from "@/components/privacy/purpose-options";
import { listPurposes } from "@/lib/privacy/queries";

export async function purposeOptions(): Promise<PurposeOption[]> {
  return (await listPurposes()).map((p) => ({ key: p.key, label: p.label, description: p.description, allowedFields: p.allowedFields }));
}
