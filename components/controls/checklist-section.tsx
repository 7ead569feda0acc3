import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { FormAction } from "@/components/ui/form-action";
import {
  CHECKLIST_CATEGORIES,
  CHECKLIST_CATEGORY_LABELS,
  CHECKLIST_STATUS_LABELS,
  type ChecklistCategory,
  type ChecklistStatus,
} from "@/lib/controls/vocabulary";
import { AttachEvidenceForm } from "./attach-evidence-form";
import { ChecklistItemForm } from "./checklist-item-form";

export type ChecklistRow = {
  id: string;
  category: ChecklistCategory;
  title: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  status: ChecklistStatus;
  evidence: { id: string; filename: string; sha256: string }[];
};

const TONE = { not_started: "neutral", in_progress: "amber", done: "green" } as const;

/** The audit-preparation checklist by category, with owner, status and linked evidence. */
export function ChecklistSection({
  items,
  currentUserId,
  manage,
  contribute,
  owners,
  evidence,
  actions,
}: {
  items: ChecklistRow[];
  currentUserId: string;
  manage: boolean;
  contribute: boolean;
  owners: { value: string; label: string }[] | null;
  evidence: { value: string; label: string }[];
  actions: { update: FormAction; link: FormAction };
}) {
  const done = items.filter((i) => i.status === "done").length;
  return (
    <Card>
      <CardHeader
        title="Audit-preparation checklist"
        description={`${done} of ${items.length} items done. Owners move their items along and link the evidence behind them.`}
      />
      <div className="divide-y divide-zinc-100">
        {CHECKLIST_CATEGORIES.map((category) => (
          <section key={category} aria-labelledby={`checklist-${category}`} className="px-5 py-3">
            <h3 id={`checklist-${category}`} className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
              {CHECKLIST_CATEGORY_LABELS[category]}
            </h3>
            <ul className="space-y-3">
              {items
                .filter((i) => i.category === category)
                .map((item) => {
                  const editable = contribute && (manage || item.ownerId === currentUserId);
                  return (
                    <li key={item.id} className="grid grid-cols-1 gap-2 lg:grid-cols-2">
                      <div>
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="text-[13px] font-medium text-zinc-900">{item.title}</span>
                          <Badge tone={TONE[item.status]}>{CHECKLIST_STATUS_LABELS[item.status]}</Badge>
                          <span className="text-xs text-zinc-500">{item.ownerName ?? "No owner"}</span>
                        </div>
                        <p className="text-xs text-zinc-500">{item.description}</p>
                        {item.evidence.length > 0 ? (
                          <ul className="mt-1 text-xs">
                            {item.evidence.map((e) => (
                              <li key={e.id}>
                                <a href={`/api/controls/evidence/${e.id}`} className="text-accent-700 hover:underline" download>
                                  {e.filename}
                                </a>{" "}
                                <code className="font-mono text-zinc-500">{e.sha256.slice(0, 12)}…</code>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </div>
                      {editable ? (
                        <div className="space-y-2">
                          <ChecklistItemForm
                            action={actions.update}
                            itemId={item.id}
                            title={item.title}
                            status={item.status}
                            ownerId={item.ownerId}
                            owners={owners}
                          />
                          {evidence.length > 0 ? (
                            <AttachEvidenceForm
                              action={actions.link}
                              hidden={{ itemId: item.id }}
                              field="evidenceId"
                              options={evidence}
                              label={`Link evidence to ${item.title}`}
                              hideLabel
                            />
                          ) : null}
                        </div>
                      ) : null}
                    </li>
                  );
                })}
            </ul>
          </section>
        ))}
      </div>
    </Card>
  );
}
