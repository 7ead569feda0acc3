import type { Metadata } from "next";
import { ControlsManager } from "@/components/controls/controls-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { createControlAction, updateControlAction } from "@/lib/controls/actions";
import { listControls, listCriteria, listPeople } from "@/lib/controls/queries";

export const metadata: Metadata = { title: "Controls" };

export default async function ControlsPage() {
  const user = await requirePagePermission("controls.read", "/controls");
  const canManage = can(user.roles, "controls.manage");
  const [controls, criteria, people] = await Promise.all([listControls(), listCriteria(), canManage ? listPeople() : []]);
  return (
    <>
      <PageHeader
        title="Controls"
        description="The SOC 2 controls Assay schedules and tests, each mapped to the Trust Services Criteria, with its testing frequency and owner. Every change is audited."
      />
      <ControlsManager
        controls={controls.map((c) => ({ ...c, updatedAt: undefined }))}
        canManage={canManage}
        people={people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
        criteria={criteria.map((c) => ({ value: c.code, label: c.code, description: c.title }))}
        actions={{ create: createControlAction, update: updateControlAction }}
      />
    </>
  );
}
