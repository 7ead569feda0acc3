/** One figure with its label and a line of context; `attention` marks one that needs someone. */
export function SummaryTile({ label, value, hint, attention = false }: { label: string; value: React.ReactNode; hint: React.ReactNode; attention?: boolean }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs print:shadow-none">
      <p className="flex items-center gap-1.5 text-[13px] font-medium text-zinc-500">
        {attention ? <span aria-hidden="true" className="size-1.5 rounded-full bg-amber-500" /> : null}
        {label}
      </p>
      <p className={`mt-1.5 text-2xl font-semibold tracking-tight tabular-nums ${attention ? "text-amber-700" : "text-zinc-900"}`}>{value}</p>
      <p className="mt-1 text-xs text-zinc-500">{hint}</p>
    </div>
  );
}
