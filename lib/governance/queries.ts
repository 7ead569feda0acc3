import "server-only";

/** The governance reads (explicit columns, no secrets), split by subject to keep files small. */
export {
  asStatus,
  getModelByKey,
  getProductionVersion,
  getVersionDetail,
  listApprovalPolicies,
  listModels,
  listModelVersions,
} from "./registry-queries";
export type { ModelDetail, ModelListItem, PolicyItem, VersionDetail, VersionListItem } from "./registry-queries";
export { countWaitingFor, listClosedRequests, listOpenRequests, listVersionRequests, listWaitingFor } from "./request-queries";
export type { RequestListItem, Viewer } from "./request-queries";
export { getRequestView, listDecisions } from "./request-view";
export type { DecisionView, RequestView } from "./request-view";
export { getModelTimeline, getProductionAsOf, getVersionHistory } from "./history-queries";
export type { Approver, HistoryEvent, ProductionAsOf, TimelineEntry } from "./history-queries";
