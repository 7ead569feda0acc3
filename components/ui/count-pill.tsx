/** A small count beside a label; read with it ("Waiting for you 3"). */
export function CountPill({ count }: { count: number }) {
  return (
    <span className="rounded-full bg-accent-600 px-1.5 py-px text-[11px] leading-4 font-semibold text-white tabular-nums">
      {count > 99 ? "99+" : count}
    </span>
  );
}
