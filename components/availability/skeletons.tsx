import { TilesSkeleton, Skeleton } from "@/components/ui/skeleton";

function ChartBlock({ height = "h-48" }: { height?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs">
      <Skeleton className="h-4 w-40" />
      <Skeleton className="mt-2 h-3 w-64" />
      <Skeleton className={`mt-4 w-full ${height}`} />
    </div>
  );
}

/** The overview's body while it loads: tiles, the composite chart and five service rows. */
export function OverviewSkeleton() {
  return (
    <div className="space-y-6">
      <TilesSkeleton label="Loading availability figures…" />
      <ChartBlock />
      <div className="rounded-lg border border-zinc-200 bg-white shadow-xs">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="border-b border-zinc-100 px-5 py-4 last:border-0">
            <div className="flex items-center gap-6">
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-4 w-20" />
              <Skeleton className="ml-auto h-4 w-64" />
            </div>
            <Skeleton className="mt-3 h-7 w-full" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** A service page's body while it loads. */
export function ServiceSkeleton() {
  return (
    <div className="space-y-6">
      <TilesSkeleton label="Loading service figures…" count={4} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <ChartBlock height="h-56" />
        <ChartBlock height="h-56" />
        <ChartBlock height="h-56" />
        <ChartBlock height="h-56" />
      </div>
    </div>
  );
}

/** A whole page (header, picker, body) for loading.tsx. */
export function PageSkeleton({ children }: { children: React.ReactNode }) {
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <Skeleton className="h-6 w-40" />
          <Skeleton className="mt-2 h-4 w-96 max-w-full" />
        </div>
        <Skeleton className="h-8 w-52" />
      </div>
      {children}
    </>
  );
}
