export type ReadinessView = { score: number; parts: { key: string; label: string; weight: number; value: number; detail: string }[] };

/** The readiness score with the parts it is made of, so the number can be checked by hand. */
export function ReadinessCard({ readiness, penalty }: { readiness: ReadinessView; penalty: number }) {
  const tone = readiness.score >= 85 ? "text-emerald-700" : readiness.score >= 60 ? "text-amber-700" : "text-red-700";
  return (
    <section aria-labelledby="readiness-title" className="rounded-lg border border-zinc-200 bg-white p-5 shadow-xs">
      <div className="flex flex-wrap items-end gap-6">
        <div>
          <h2 id="readiness-title" className="text-sm font-semibold text-zinc-900">
            Readiness score
          </h2>
          <p className={`text-4xl font-semibold tabular-nums ${tone}`}>
            {readiness.score}
            <span className="text-base font-normal text-zinc-400"> / 100</span>
          </p>
        </div>
        <ul className="grid min-w-0 flex-1 grid-cols-1 gap-3 sm:grid-cols-2">
          {readiness.parts.map((p) => (
            <li key={p.key}>
              <div className="flex justify-between text-[13px]">
                <span className="text-zinc-700">{p.label}</span>
                <span className="text-zinc-500 tabular-nums">
                  {Math.round(p.value * p.weight)} / {p.weight}
                </span>
              </div>
              <div className="mt-1 h-1.5 rounded-full bg-zinc-100" aria-hidden="true">
                <div className="h-1.5 rounded-full bg-accent-600" style={{ width: `${Math.round(p.value * 100)}%` }} />
              </div>
              <p className="mt-0.5 text-xs text-zinc-500">{p.detail}</p>
            </li>
          ))}
        </ul>
      </div>
      {penalty > 0 ? (
        <p className="mt-3 text-xs text-amber-800">−{penalty}: evidence dated outside the period does not count for this report.</p>
      ) : null}
    </section>
  );
}
