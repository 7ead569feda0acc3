import type { Metadata } from "next";
import { RegisterManager } from "@/components/privacy/register-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { createActivityAction, savePurposeAction } from "@/lib/privacy/actions";
import { listActivities } from "@/lib/privacy/queries";
import { purposeOptions } from "../load-purposes";

export const metadata: Metadata = { title: "Processing register" };

export default async function RegisterPage() {
  const user = await requirePagePermission("privacy.read", "/privacy/register");
  const [purposes, activities] = await Promise.all([purposeOptions(), listActivities()]);
  const actions = can(user.roles, "privacy.register_manage") ? { purpose: savePurposeAction, activity: createActivityAction } : null;
  return (
    <>
      <PageHeader
        title="Processing register"
        description="Purposes with their data-minimization rules, and the processing activities that use them."
      />
      <RegisterManager purposes={purposes} activities={activities} actions={actions} />
    </>
  );
}
