import { Skeleton } from "@/components/ui/skeleton";

export function ChartSkeleton() {
  return (
    <div role="status" aria-live="polite" className="px-4 py-4">
      <span className="sr-only">Loading the event volume chart…</span>
      <Skeleton className="h-3 w-64" />
      <div className="mt-4 flex h-48 items-end gap-1.5">
        {Array.from({ length: 30 }, (_, i) => (
          <Skeleton key={i} className={`flex-1 ${["h-1/4", "h-1/2", "h-1/3", "h-3/4", "h-2/5"][i % 5]}`} />
        ))}
      </div>
    </div>
  );
}

export function RowsSkeleton({ label, rows = 8 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3 px-4 py-4">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-5 w-full" />
      ))}
    </div>
  );
}

/** The whole browse page while it loads: header, chart, filters and rows. */
export function AuditBrowseSkeleton() {
  return (
    <div>
      <span className="sr-only" role="status">
        Loading the audit log…
      </span>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="space-y-6">
        <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
          <div className="border-b border-zinc-100 px-5 py-4">
            <Skeleton className="h-4 w-32" />
          </div>
          <ChartSkeleton />
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
          <div className="grid grid-cols-2 gap-3 border-b border-zinc-100 px-4 py-4 lg:grid-cols-4">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-12" />
            ))}
          </div>
          <RowsSkeleton label="Loading events…" />
        </div>
      </div>
    </div>
  );
}
