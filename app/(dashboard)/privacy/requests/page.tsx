import type { Metadata } from "next";
import { Suspense } from "react";
import { RequestsManager } from "@/components/privacy/requests-manager";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { createRequestAction, fulfilRequestAction } from "@/lib/privacy/actions";
import { listAssignees, listRequests } from "@/lib/privacy/queries";

export const metadata: Metadata = { title: "Data-subject requests" };

export default async function RequestsPage() {
  const user = await requirePagePermission("privacy.read", "/privacy/requests");
  return (
    <>
      <PageHeader
        title="Data-subject requests"
        description="Access, rectification, deletion, portability and consent withdrawal, due 30 days after receipt unless set otherwise."
      />
      <Suspense fallback={<TableSkeleton label="Loading requests…" />}>
        <RequestList canManage={can(user.roles, "privacy.requests_manage")} />
      </Suspense>
    </>
  );
}

async function RequestList({ canManage }: { canManage: boolean }) {
  const [requests, assignees] = await Promise.all([listRequests(), canManage ? listAssignees() : Promise.resolve([])]);
  // The server's clock decides "overdue", so the page and its hydration agree.
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request
  const now = Date.now();
  return (
    <RequestsManager
      requests={requests}
      assignees={assignees}
      actions={canManage ? { create: createRequestAction, fulfil: fulfilRequestAction } : null}
      now={now}
    />
  );
}
