"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type ControlsTab = { href: string; label: string };

function isActive(pathname: string, href: string): boolean {
  if (href === "/controls") return pathname === "/controls" || /^\/controls\/[0-9a-f-]{36}/.test(pathname);
  // The calendar owns the test pages it links to.
  if (href === "/controls/calendar") return pathname.startsWith("/controls/calendar") || pathname.startsWith("/controls/tests/");
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The controls section's own navigation. */
export function ControlsTabs({ tabs }: { tabs: ControlsTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Controls" className="-mt-2 mb-6 border-b border-zinc-200 print:hidden">
      <ul className="-mb-px flex gap-5">
        {tabs.map((tab) => {
          const active = isActive(pathname, tab.href);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-0.5 pb-2.5 text-[13px] font-medium transition-colors ${
                  active ? "border-accent-600 text-accent-700" : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
