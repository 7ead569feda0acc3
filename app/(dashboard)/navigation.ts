import type { NavItem } from "@/components/shell/sidebar";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

/**
 * Every section that exists, with the permission its page demands. Add a section here only
 * when its page exists; the page calls requirePagePermission with the same permission.
 */
const SECTIONS: (NavItem & { permission: Permission | null })[] = [
  { href: "/", label: "Home", icon: "home", group: "Overview", permission: null },
  { href: "/audit", label: "Audit log", icon: "audit", group: "Compliance", permission: "audit.read" },
  { href: "/settings/users", label: "Users", icon: "users", group: "Settings", permission: "users.read" },
  { href: "/settings/api-keys", label: "API keys", icon: "key", group: "Settings", permission: "api_keys.manage" },
  { href: "/settings/account", label: "Account", icon: "account", group: "Settings", permission: "account.manage" },
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return SECTIONS.filter((s) => s.permission === null || can(roles, s.permission)).map(({ href, label, icon, group }) => ({ href, label, icon, group }));
}
