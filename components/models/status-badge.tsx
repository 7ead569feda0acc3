import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, type ModelStatus, type RequestStatus } from "@/lib/governance/lifecycle";
import { REQUEST_TONE, STATUS_TONE } from "./model-display";

export function VersionStatusBadge({ status }: { status: ModelStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABELS[status]}</Badge>;
}

const REQUEST_LABELS: Record<RequestStatus, string> = { open: "Open", approved: "Approved", rejected: "Rejected", cancelled: "Cancelled" };

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return <Badge tone={REQUEST_TONE[status]}>{REQUEST_LABELS[status]}</Badge>;
}
