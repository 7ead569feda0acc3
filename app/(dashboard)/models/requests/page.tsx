import type { Metadata } from "next";
import { Suspense } from "react";
import type { RequestRow } from "@/components/models/model-row";
import { RequestsTable } from "@/components/models/requests-table";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import type { SessionUser } from "@/lib/context";
import { requirePagePermission } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { asStatus, listClosedRequests, listOpenRequests, listWaitingFor, type RequestListItem } from "@/lib/governance/queries";
import { waitingForCount } from "@/lib/governance/waiting-count";

export const metadata: Metadata = { title: "Promotion requests" };

function rows(items: RequestListItem[]): RequestRow[] {
  return items.map((r) => ({
    ...r,
    fromStatus: asStatus(r.fromStatus),
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  }));
}

export default async function RequestsPage() {
  const user = await requirePagePermission("models.read", "/models/requests");
  return (
    <>
      <PageHeader
        title="Promotion requests"
        description="A version moves to its next status when every role the approval policy requires has approved, each by a different person who is not the requester."
      />
      <Suspense fallback={<TableSkeleton label="Loading promotion requests…" />}>
        <RequestLists user={user} />
      </Suspense>
    </>
  );
}

async function RequestLists({ user }: { user: SessionUser }) {
  const approver = can(user.roles, "models.approve");
  const requester = can(user.roles, "models.request_promotion");
  const [waiting, waitingTotal, mine, others, closed] = await Promise.all([
    approver ? listWaitingFor(user) : [],
    waitingForCount(user),
    requester ? listOpenRequests({ requestedBy: user.id }) : [],
    listOpenRequests({ excludeWaitingFor: approver ? user : undefined }),
    listClosedRequests(25),
  ]);
  const mineIds = new Set(mine.map((r) => r.id));
  return (
    <div className="space-y-6">
      {approver ? (
        <section aria-labelledby="waiting-title">
          <Card>
            <CardHeader
              id="waiting-title"
              title="Waiting for you"
              description={`Open requests that need a role you hold, which you have not decided yet. Oldest first${waitingTotal > waiting.length ? `: the ${waiting.length} oldest of ${waitingTotal}` : ""}.`}
            />
            <RequestsTable
              requests={rows(waiting)}
              caption="Waiting for you"
              empty={{ title: "Nothing is waiting for you", body: "Requests that need one of your roles appear here." }}
            />
          </Card>
        </section>
      ) : null}
      {requester ? (
        <Card>
          <CardHeader title="Your open requests" />
          <RequestsTable
            requests={rows(mine)}
            caption="Your open requests"
            empty={{ title: "You have no open requests", body: "Request a promotion from a version's page." }}
          />
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title={approver || requester ? "Other open requests" : "Open requests"}
          description="Waiting for other people's decisions."
        />
        <RequestsTable
          requests={rows(others.filter((r) => !mineIds.has(r.id)))}
          caption="Other open requests"
          empty={{ title: "No other open requests", body: "Every open request is listed above." }}
        />
      </Card>
      <Card>
        <CardHeader title="Recently closed" description="The 25 latest approved, rejected or cancelled requests." />
        <RequestsTable
          requests={rows(closed)}
          caption="Recently closed requests"
          newestFirst
          empty={{ title: "No closed requests yet", body: "" }}
        />
      </Card>
    </div>
  );
}
