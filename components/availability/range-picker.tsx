import Link from "next/link";
import { RANGES, RANGE_LABELS, type RangeKey } from "@/lib/availability/vocabulary";

const SHORT: Record<RangeKey, string> = { "24h": "24 h", "7d": "7 d", "30d": "30 d", "90d": "90 d" };

/**
 * The range as a segmented control of links (`?range=`), so a range is shareable and works
 * without JavaScript. Each link's accessible name is the full label ("7 days").
 */
export function RangePicker({ current, basePath }: { current: RangeKey; basePath: string }) {
  return (
    <nav aria-label="Range">
      <ul className="inline-flex rounded-md border border-zinc-200 bg-zinc-50 p-0.5 shadow-xs">
        {(Object.keys(RANGES) as RangeKey[]).map((key) => {
          const active = key === current;
          return (
            <li key={key}>
              <Link
                href={`${basePath}?range=${key}`}
                aria-current={active ? "true" : undefined}
                aria-label={RANGE_LABELS[key]}
                scroll={false}
                className={`inline-flex h-7 items-center rounded px-2.5 text-[13px] font-medium tabular-nums transition-colors ${
                  active ? "bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-200" : "text-zinc-500 hover:text-zinc-800"
                }`}
              >
                {SHORT[key]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
