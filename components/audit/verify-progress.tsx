import { formatCount } from "./event-display";
import type { VerifyProgress } from "./verify-wire";

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** The live bar: events checked of the total, rate and elapsed time (indeterminate until the first report). */
export function VerifyProgressBar({ progress, running }: { progress: VerifyProgress | null; running: boolean }) {
  const total = progress?.total ?? 0;
  const checked = progress?.checked ?? 0;
  const percent = total > 0 ? Math.min(100, (checked / total) * 100) : progress ? 100 : 0;
  const text = progress ? `${formatCount(checked)} of ${formatCount(total)} events checked` : "Starting the verification…";
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between gap-4 text-[13px]">
        <span id="verify-progress-label" className="font-medium text-zinc-900">
          {running ? "Verifying…" : "Verification progress"}
        </span>
        <span className="text-zinc-600 tabular-nums">{text}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="verify-progress-label"
        aria-valuemin={0}
        aria-valuemax={progress ? total : undefined}
        aria-valuenow={progress ? checked : undefined}
        aria-valuetext={text}
        className="h-2.5 overflow-hidden rounded-full bg-zinc-100 ring-1 ring-zinc-200 ring-inset"
      >
        <div
          className={`h-full rounded-full bg-accent-600 ${running ? "transition-[width] duration-300" : ""} ${progress ? "" : "w-1/4 animate-pulse"}`}
          style={progress ? { width: `${percent}%` } : undefined}
        />
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-zinc-500">
        <div className="flex gap-1">
          <dt>Rate</dt>
          <dd className="text-zinc-800 tabular-nums">{progress ? `${formatCount(progress.rate)} events/s` : "—"}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Elapsed</dt>
          <dd className="text-zinc-800 tabular-nums">{progress ? formatDuration(progress.elapsedMs) : "—"}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Done</dt>
          <dd className="text-zinc-800 tabular-nums">{Math.floor(percent)}%</dd>
        </div>
      </dl>
    </div>
  );
}
