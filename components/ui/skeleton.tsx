export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-zinc-200/70 ${className}`} />;
}

/** Stands in for a table card (toolbar + rows) while its data streams in. */
export function TableSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="rounded-lg border border-zinc-200 bg-white shadow-xs">
      <span className="sr-only">{label}</span>
      <div className="flex items-center justify-between border-b border-zinc-100 px-4 py-3">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-9 w-24" />
      </div>
      <div className="space-y-3 px-4 py-4">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className="h-5 w-full" />
        ))}
      </div>
    </div>
  );
}

/** Stands in for a row of stat tiles. */
export function TilesSkeleton({ label, count = 4 }: { label: string; count?: number }) {
  return (
    <div role="status" aria-live="polite" className="grid grid-cols-2 gap-4 xl:grid-cols-4">
      <span className="sr-only">{label}</span>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="rounded-lg border border-zinc-200 bg-white p-4">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="mt-3 h-7 w-12" />
          <Skeleton className="mt-2 h-3 w-32" />
        </div>
      ))}
    </div>
  );
}
