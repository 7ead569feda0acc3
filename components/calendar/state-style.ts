import type { OccurrenceState } from "@/lib/controls/vocabulary";

/**
 * Colours of the six occurrence states. The word is always shown too (colour is not the
 * only signal), and the pairs keep at least 4.5:1 contrast for the text.
 */
export const STATE_STYLE: Record<OccurrenceState, { chip: string; dot: string }> = {
  scheduled: { chip: "bg-zinc-100 text-zinc-700 ring-zinc-200", dot: "bg-zinc-400" },
  due_soon: { chip: "bg-amber-50 text-amber-800 ring-amber-200", dot: "bg-amber-500" },
  overdue: { chip: "bg-red-50 text-red-700 ring-red-200", dot: "bg-red-600" },
  passed: { chip: "bg-emerald-50 text-emerald-800 ring-emerald-200", dot: "bg-emerald-500" },
  // Solid, so a failed test never reads as merely overdue.
  failed: { chip: "bg-rose-700 text-white ring-rose-800", dot: "bg-white" },
  partial: { chip: "bg-violet-50 text-violet-800 ring-violet-200", dot: "bg-violet-500" },
};
