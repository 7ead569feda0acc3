"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CountPill } from "./count-pill";

export type SectionTab = { href: string; label: string; count?: number };

/** The tab whose href is the longest prefix of the path is current (so /models/x is "/models"). */
function activeHref(pathname: string, tabs: SectionTab[]): string | undefined {
  return tabs
    .filter((t) => pathname === t.href || pathname.startsWith(`${t.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** A section's own navigation, with optional counts; the server passes only the tabs this user may open. */
export function SectionTabs({ label, tabs }: { label: string; tabs: SectionTab[] }) {
  const pathname = usePathname();
  const active = activeHref(pathname, tabs);
  return (
    <nav aria-label={label} className="-mt-2 mb-6 border-b border-zinc-200">
      <ul className="-mb-px flex gap-5">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.href === active ? "page" : undefined}
              className={`inline-flex items-center gap-1.5 border-b-2 px-0.5 pb-2.5 text-[13px] font-medium transition-colors ${
                tab.href === active ? "border-accent-600 text-accent-700" : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800"
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
