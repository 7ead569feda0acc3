/** Serializable history rows the model page passes in (dates as ISO strings). */
export type ApproverView = { name: string; email: string; role: string; at: string; comment: string };

export type TimelineView = {
  id: number;
  occurredAt: string;
  version: string;
  fromStatus: string | null;
  toStatus: string;
  cause: "registered" | "promoted" | "superseded";
  requestId: string | null;
  artifactDigest: string;
  approvers: ApproverView[];
};

export type AsOfView = {
  versionId: string;
  version: string;
  since: string;
  until: string | null;
  artifactDigest: string;
  requestId: string | null;
  requestedBy: string | null;
  justification: string | null;
  approvers: ApproverView[];
};
