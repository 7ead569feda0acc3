import Link from "next/link";

/**
 * One figure with its label and a line of context; `attention` marks one that needs someone.
 * With `href` the tile links to where it is dealt with; without, it is a plain figure (a
 * printed report, say).
 */
export function StatTile({
  label,
  value,
  hint,
  href,
  attention = false,
}: {
  label: string;
  value: React.ReactNode;
  hint: React.ReactNode;
  href?: string;
  attention?: boolean;
}) {
  const body = (
    <>
      <p className="flex items-center gap-1.5 text-[13px] font-medium text-zinc-500">
        {attention ? <span aria-hidden="true" className="size-1.5 rounded-full bg-amber-500" /> : null}
        {label}
      </p>
      <p className={`mt-1.5 text-2xl font-semibold tabular-nums tracking-tight ${attention ? "text-amber-700" : "text-zinc-900"}`}>
        {value}
      </p>
      <p className="mt-1 text-xs text-zinc-500 group-hover:text-zinc-700">{hint}</p>
    </>
  );
  if (!href) return <div className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs print:shadow-none">{body}</div>;
  return (
    <Link
      href={href}
      className="group block rounded-lg border border-zinc-200 bg-white p-4 shadow-xs transition-colors hover:border-zinc-300 hover:bg-zinc-50/60"
    >
      {body}
    </Link>
  );
}
