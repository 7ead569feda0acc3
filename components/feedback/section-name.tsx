"use client";

import { usePathname } from "next/navigation";

const SECTIONS: [prefix: string, name: string][] = [
  ["/settings/users", "Users"],
  ["/settings/api-keys", "API keys"],
  ["/settings/account", "Account"],
  ["/models", "Models"],
  ["/audit", "Audit log"],
  ["/privacy", "Privacy"],
  ["/controls", "Controls"],
  ["/availability", "Availability"],
];

/** The name of the section at the current URL, for the 403 page (which gets no props). */
export function SectionName() {
  const pathname = usePathname();
  const name = SECTIONS.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1];
  return name ? <strong className="font-medium text-zinc-900">{name}</strong> : <>this page</>;
}
