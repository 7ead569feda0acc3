import type { ModelStatus, PromotionTarget } from "@/lib/governance/lifecycle";

/** Serializable rows the server pages pass to the client tables (dates as ISO strings). */
export type ModelRow = {
  id: string;
  key: string;
  name: string;
  owner: string;
  versions: number;
  productionVersion: string | null;
  openRequests: number;
  updatedAt: string;
};

export type VersionRow = {
  id: string;
  version: string;
  status: ModelStatus;
  createdAt: string;
  statusChangedAt: string;
  artifactDigest: string;
  registeredBy: string | null;
  openRequestId: string | null;
  openRequestTo: PromotionTarget | null;
};

export type RequestRow = {
  id: string;
  modelKey: string;
  modelName: string;
  version: string;
  fromStatus: ModelStatus;
  toStatus: PromotionTarget;
  status: "open" | "approved" | "rejected" | "cancelled";
  requiredRoles: string[];
  approvals: number;
  requestedBy: string;
  createdAt: string;
  closedAt: string | null;
};
