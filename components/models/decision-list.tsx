import { formatUtc } from "@/components/audit/event-display";
import { Badge } from "@/components/ui/badge";
import { roleLabel, shortDigest } from "./model-display";

export type DecisionRow = {
  id: string;
  decision: "approve" | "reject";
  role: string;
  comment: string;
  by: string;
  artifactDigest: string;
  createdAt: string;
  voidedAt: string | null;
  voidReason: string | null;
};

/** Every decision on the request in order, voided ones kept and marked. */
export function DecisionList({ decisions }: { decisions: DecisionRow[] }) {
  if (decisions.length === 0) return <p className="px-5 py-4 text-[13px] text-zinc-500">No decisions yet.</p>;
  return (
    <ol className="divide-y divide-zinc-100">
      {decisions.map((d) => (
        <li key={d.id} className={`px-5 py-3 text-[13px] ${d.voidedAt ? "opacity-70" : ""}`}>
          <p className="flex flex-wrap items-center gap-2">
            {d.decision === "approve" ? (
              <Badge tone={d.voidedAt ? "neutral" : "green"}>Approved</Badge>
            ) : (
              <Badge tone="red">Rejected</Badge>
            )}
            <span className="font-medium text-zinc-900">{d.by}</span>
            <span className="text-zinc-500">as {roleLabel(d.role)}</span>
          </p>
          <p className="mt-0.5 text-xs text-zinc-500">
            {formatUtc(d.createdAt)} · artifact{" "}
            <code title={d.artifactDigest} className="font-mono">
              {shortDigest(d.artifactDigest)}
            </code>
          </p>
          {d.comment ? <p className="mt-1 whitespace-pre-line text-zinc-700">“{d.comment}”</p> : null}
          {d.voidedAt ? (
            <p className="mt-1 text-xs font-medium text-amber-800">
              Voided {formatUtc(d.voidedAt)}:{" "}
              {d.voidReason === "artifact_replaced" ? "the artifact was replaced after this approval." : d.voidReason}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
