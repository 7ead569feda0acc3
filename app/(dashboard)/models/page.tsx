import type { Metadata } from "next";
import { Suspense } from "react";
import { ModelsManager } from "@/components/models/models-manager";
import type { ModelRow } from "@/components/models/model-row";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { registerModelAction } from "@/lib/governance/actions";
import { listModels } from "@/lib/governance/queries";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  const user = await requirePagePermission("models.read", "/models");
  return (
    <>
      <PageHeader
        title="Models"
        description="Every model and its versions. A version moves from development to production one approved step at a time, and every step is recorded with who approved it."
      />
      <Suspense fallback={<TableSkeleton label="Loading models…" />}>
        <ModelsList canRegister={can(user.roles, "models.write")} />
      </Suspense>
    </>
  );
}

async function ModelsList({ canRegister }: { canRegister: boolean }) {
  const models: ModelRow[] = (await listModels()).map((m) => ({ ...m, updatedAt: m.updatedAt.toISOString() }));
  return <ModelsManager models={models} canRegister={canRegister} registerAction={registerModelAction} />;
}
