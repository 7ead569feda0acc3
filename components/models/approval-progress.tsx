import { roleLabel } from "./model-display";

/** Each required role: who filled it, or that it is still needed (or was never filled, once closed). */
export function ApprovalProgress({
  required,
  filled,
  closed = false,
}: {
  required: string[];
  filled: { role: string; by: string }[];
  closed?: boolean;
}) {
  return (
    <ul aria-label="Required approvals" className="space-y-2 px-5 py-4">
      {required.map((role) => {
        const by = filled.find((f) => f.role === role)?.by;
        return (
          <li key={role} className="flex items-start gap-2.5 text-[13px]">
            <span
              aria-hidden="true"
              className={`mt-0.5 grid size-4 shrink-0 place-items-center rounded-full text-[10px] font-bold ${by ? "bg-emerald-600 text-white" : "border border-zinc-300 text-transparent"}`}
            >
              ✓
            </span>
            <span>
              <span className="font-medium text-zinc-900">{roleLabel(role)}</span>
              <span className="block text-xs text-zinc-500">{by ? `Approved by ${by}` : closed ? "Not filled" : "Still needed"}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
