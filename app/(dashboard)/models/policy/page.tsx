import type { Metadata } from "next";
import { PolicyManager } from "@/components/models/policy-manager";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { updatePolicyAction } from "@/lib/governance/actions";
import { listApprovalPolicies } from "@/lib/governance/queries";
import { APPROVER_ROLES } from "@/lib/governance/schemas";

export const metadata: Metadata = { title: "Approval policy" };

export default async function PolicyPage() {
  const user = await requirePagePermission("models.read", "/models/policy");
  const policies = await listApprovalPolicies();
  return (
    <>
      <PageHeader
        title="Approval policy"
        description="Which roles must approve a move to each status. One person fills at most one role on a request, and never on their own request. Admins and compliance officers change it; every change is audited."
      />
      <Card>
        <PolicyManager
          policies={policies.map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString() }))}
          approverRoles={[...APPROVER_ROLES]}
          action={can(user.roles, "models.policy_manage") ? updatePolicyAction : null}
        />
      </Card>
    </>
  );
}
