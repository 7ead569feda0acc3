"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/privacy", label: "Overview" },
  { href: "/privacy/consents", label: "Consents" },
  { href: "/privacy/requests", label: "Requests" },
  { href: "/privacy/register", label: "Register" },
];

/** The privacy section's own navigation (every tab needs privacy.read, like the section). */
export function PrivacyTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Privacy" className="-mt-2 mb-6 border-b border-zinc-200 print:hidden">
      <ul className="-mb-px flex gap-5">
        {TABS.map((tab) => {
          const active = tab.href === "/privacy" ? pathname === "/privacy" : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
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
