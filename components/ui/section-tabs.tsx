"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CountPill } from "./count-pill";

/** `also`: other path prefixes the tab owns (e.g. the calendar owns the test pages it links to). */
export type SectionTab = { href: string; label: string; count?: number; also?: string[] };

/** The tab with the longest prefix of the path is current (so /models/x is "/models"). */
function activeHref(pathname: string, tabs: SectionTab[]): string | undefined {
  let best: { href: string; length: number } | undefined;
  for (const tab of tabs) {
    for (const prefix of [tab.href, ...(tab.also ?? [])]) {
      const matches = pathname === prefix || pathname.startsWith(`${prefix}/`);
      if (matches && (!best || prefix.length > best.length)) best = { href: tab.href, length: prefix.length };
    }
  }
  return best?.href;
}

/** A section's own navigation, with optional counts; the server passes only the tabs this user may open. */
export function SectionTabs({ label, tabs }: { label: string; tabs: SectionTab[] }) {
  const pathname = usePathname();
  const active = activeHref(pathname, tabs);
  return (
    <nav aria-label={label} className="-mt-2 mb-6 border-b border-zinc-200 print:hidden">
      <ul className="-mb-px flex gap-5">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.href === active ? "page" : undefined}
              className={`inline-flex items-center gap-1.5 border-b-2 px-0.5 pb-2.5 text-[13px] font-medium transition-colors ${
                tab.href === active
                  ? "border-accent-600 text-accent-700"
                  : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800"
              }`}
            >
              {tab.label}
              {tab.count ? <CountPill count={tab.count} /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
