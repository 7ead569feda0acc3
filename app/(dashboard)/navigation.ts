import type { NavItem } from "@/components/shell/sidebar";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/permissions";

/**
 * Every section that exists, with the permission its page demands. Add a section here only
 * when its page exists; the page calls requirePagePermission with the same permission.
 */
const SECTIONS: (NavItem & { permission: Permission | null })[] = [
  { href: "/", label: "Home", icon: "home", group: "Overview", permission: null },
  { href: "/models", label: "Models", icon: "models", group: "Governance", permission: "models.read" },
  // Carries the count of promotion requests waiting for this person (see navigationFor's badges).
  { href: "/models/requests", label: "Waiting for you", icon: "inbox", group: "Governance", permission: "models.approve" },
  { href: "/audit", label: "Audit log", icon: "audit", group: "Compliance", permission: "audit.read" },
  { href: "/privacy", label: "Privacy", icon: "privacy", group: "Compliance", permission: "privacy.read" },
  { href: "/controls", label: "Controls", icon: "controls", group: "Compliance", permission: "controls.read" },
  { href: "/availability", label: "Availability", icon: "pulse", group: "Operations", permission: "availability.read" },
  { href: "/settings/users", label: "Users", icon: "users", group: "Settings", permission: "users.read" },
  { href: "/settings/api-keys", label: "API keys", icon: "key", group: "Settings", permission: "api_keys.manage" },
  { href: "/settings/account", label: "Account", icon: "account", group: "Settings", permission: "account.manage" },
];

/** `badges`: counts shown beside an item, by href (e.g. requests waiting for this person). */
export function navigationFor(roles: readonly Role[], badges: Partial<Record<string, number>> = {}): NavItem[] {
  return SECTIONS.filter((s) => s.permission === null || can(roles, s.permission)).map(({ href, label, icon, group }) => ({
    href,
    label,
    icon,
    group,
    badge: badges[href],
  }));
}
