import type { ApproverView, AsOfView, TimelineView } from "@/components/models/history-views";
import type { Approver, ProductionAsOf, TimelineEntry } from "@/lib/governance/queries";

const approver = (a: Approver): ApproverView => ({ ...a, at: a.at.toISOString() });

export function timelineView(entries: TimelineEntry[]): TimelineView[] {
  return entries.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString(), approvers: e.approvers.map(approver) }));
}

export function asOfView(found: ProductionAsOf | null): AsOfView | null {
  return found
    ? { ...found, since: found.since.toISOString(), until: found.until?.toISOString() ?? null, approvers: found.approvers.map(approver) }
    : null;
}
