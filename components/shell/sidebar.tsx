"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LogoMark } from "@/components/brand/logo";
import { CountPill } from "@/components/ui/count-pill";
import { NavIcon, type NavIconName } from "./nav-icon";

export type NavItem = { href: string; label: string; icon: NavIconName; group: string; badge?: number };

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The current item is the one with the longest matching href (/models/requests, not /models). */
function currentHref(pathname: string, items: NavItem[]): string | undefined {
  return items.filter((item) => isActive(pathname, item.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/** The sections this user's roles may open; the server decides which items are passed in. */
export function Sidebar({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const groups = [...new Set(items.map((item) => item.group))];
  const current = currentHref(pathname, items);
  // The aside spans the page's full height (border, background); its content sticks.
  return (
    <aside className="w-56 shrink-0 border-r border-zinc-200 bg-white print:hidden">
      <div className="sticky top-0 flex h-screen flex-col">
        <Link
          href="/"
          className="flex h-14 shrink-0 items-center gap-2.5 border-b border-zinc-100 px-5 text-[15px] font-semibold tracking-tight text-zinc-900"
        >
          <LogoMark className="size-6" />
          Assay
        </Link>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
          {groups.map((group) => (
            <div key={group} className="mb-5 last:mb-0">
              <p className="mb-1 px-2 text-[11px] font-medium tracking-wider text-zinc-400 uppercase">{group}</p>
              <ul className="space-y-0.5">
                {items
                  .filter((item) => item.group === group)
                  .map((item) => {
                    const active = item.href === current;
                    return (
                      <li key={item.href}>
                        <Link
                          href={item.href}
                          aria-current={active ? "page" : undefined}
                          className={`flex items-center gap-2.5 rounded-md px-2 py-1.5 text-[13px] font-medium transition-colors ${
                            active ? "bg-accent-50 text-accent-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
                          }`}
                        >
                          <NavIcon name={item.icon} />
                          {item.label}
                          {item.badge ? (
                            <span className="ml-auto">
                              <CountPill count={item.badge} />
                            </span>
                          ) : null}
                        </Link>
                      </li>
                    );
                  })}
              </ul>
            </div>
          ))}
        </nav>
        <p className="border-t border-zinc-100 px-5 py-3 text-[11px] text-zinc-400">SOC 2 compliance workspace</p>
      </div>
    </aside>
  );
}
