import type { ActionState } from "@/lib/actions/action-state";

/**
 * The form-level outcome of an action, in a live region that exists before it is filled
 * (so screen readers announce it). Never role="alert": Next's route announcer owns that.
 */
export function FormMessage({ state, className = "" }: { state: ActionState; className?: string }) {
  let body: React.ReactNode = null;
  if (state?.ok && state.message) {
    body = <Notice tone="success">{state.message}</Notice>;
  } else if (state && !state.ok) {
    const text = state.formError ?? (state.fieldErrors ? "Check the highlighted fields and try again." : null);
    if (text) body = <Notice tone="error">{text}</Notice>;
  }
  return (
    <div role="status" aria-live="polite" className={body ? className : ""}>
      {body}
    </div>
  );
}

export function Notice({ tone, children }: { tone: "success" | "error" | "warning" | "info"; children: React.ReactNode }) {
  const styles = {
    success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    error: "border-red-200 bg-red-50 text-red-800",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
    info: "border-zinc-200 bg-zinc-50 text-zinc-700",
  }[tone];
  return <div className={`rounded-md border px-3 py-2 text-[13px] ${styles}`}>{children}</div>;
}
