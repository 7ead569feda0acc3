"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type AuditTab = { href: string; label: string };

function isActive(pathname: string, href: string): boolean {
  // Events owns the event detail pages too.
  if (href === "/audit") return pathname === "/audit" || pathname.startsWith("/audit/events");
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The audit section's own navigation; the server passes only the tabs this user may open. */
export function AuditTabs({ tabs }: { tabs: AuditTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Audit log" className="-mt-2 mb-6 border-b border-zinc-200">
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
