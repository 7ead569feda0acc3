import { ROLE_LABELS, isRole } from "@/lib/auth/permissions";
import { isModelStatus, STATUS_LABELS } from "./lifecycle";

/**
 * One line of a version's history, from an audit event (action, outcome, metadata), for
 * people rather than auditors' filters. Pure, so every phrasing is tested.
 */
export type HistoryLine = { title: string; detail: string | null; tone: "neutral" | "green" | "amber" | "red" | "accent" };

type Meta = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
const status = (v: unknown) => (typeof v === "string" && isModelStatus(v) ? STATUS_LABELS[v].toLowerCase() : String(v));
const role = (v: unknown) => (typeof v === "string" && isRole(v) ? ROLE_LABELS[v] : String(v));
const field = (m: Meta, side: "before" | "after", key: string): unknown => (m[side] as Meta | null | undefined)?.[key];

export function shortDigest(digest: unknown): string {
  return typeof digest === "string" ? `${digest.slice(0, 19)}…` : "—";
}

export function describeHistoryEvent(action: string, outcome: string, m: Meta): HistoryLine {
  if (outcome !== "success") {
    const verb = action.replace(/^model\./, "").replace(/_/g, " ");
    return { title: `Refused (${verb})`, detail: str(m.message) ?? str(m.reason), tone: outcome === "denied" ? "amber" : "red" };
  }
  switch (action) {
    case "model.version_registered":
      return {
        title: "Registered in development",
        detail: `Artifact ${shortDigest(field(m, "after", "artifactDigest"))}`,
        tone: "neutral",
      };
    case "model.card_updated":
      return { title: "Model card updated", detail: null, tone: "neutral" };
    case "model.artifact_replaced": {
      const voided = Array.isArray(m.voidedApprovals) ? m.voidedApprovals.length : 0;
      const detail = `${shortDigest(field(m, "before", "artifactDigest"))} → ${shortDigest(field(m, "after", "artifactDigest"))}`;
      return {
        title: "Artifact replaced",
        detail: voided > 0 ? `${detail}; ${voided} approval${voided === 1 ? "" : "s"} voided` : detail,
        tone: "amber",
      };
    }
    case "model.promotion_requested":
      return {
        title: `Promotion to ${status(field(m, "after", "to"))} requested`,
        detail: str(field(m, "after", "justification")),
        tone: "accent",
      };
    case "model.promotion_approved":
      return { title: `Approved as ${role(m.role)}`, detail: str(m.comment), tone: "green" };
    case "model.promotion_rejected":
      return { title: `Rejected as ${role(m.role)}`, detail: str(m.comment), tone: "red" };
    case "model.promotion_cancelled":
      return {
        title: "Request cancelled",
        detail: m.reason === "superseded" ? `Superseded by ${String(m.supersededBy)}` : null,
        tone: "neutral",
      };
    case "model.status_changed": {
      const title = `Status: ${status(field(m, "before", "status"))} → ${status(field(m, "after", "status"))}`;
      const by = m.supersededBy as Meta | undefined;
      return { title, detail: m.cause === "superseded" && by ? `Superseded by version ${String(by.version)}` : null, tone: "green" };
    }
    default:
      return { title: action, detail: null, tone: "neutral" };
  }
}
