import "server-only";

/**
 * The governance verbs: `(tx, ctx, input)`, each auditing last in the caller's
 * transaction. Run them through governed() so that a rule's refusal is audited after the
 * rollback. Split by subject to keep files small.
 */
export {
  registerModel,
  registerVersion,
  replaceArtifact,
  setThresholds,
  updateApprovalPolicy,
  updateModelCard,
  type NewVersion,
} from "./registry-service";
export { approveRequest, cancelRequest, rejectRequest, requestPromotion } from "./promotion-service";
export { governed } from "./refusal";
