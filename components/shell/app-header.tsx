import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

/** Who is signed in, as which roles, and the way out. */
export function AppHeader({
  name,
  email,
  roleLabels,
  signOutAction,
}: {
  name: string;
  email: string;
  roleLabels: string[];
  signOutAction: () => Promise<void>;
}) {
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .filter(Boolean)
    .slice(0, 2)
    .join("")
    .toUpperCase();
  return (
    <header className="sticky top-0 z-10 print:hidden flex h-14 items-center justify-end gap-4 border-b border-zinc-200 bg-white/90 px-6 backdrop-blur xl:px-8">
      <ul aria-label="Your roles" className="flex min-w-0 flex-wrap justify-end gap-1">
        {roleLabels.map((label) => (
          <li key={label}>
            <Badge tone="accent">{label}</Badge>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-2.5">
        <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-zinc-900 text-xs font-semibold text-white">
          {initials || "?"}
        </span>
        <div className="leading-tight">
          <p className="text-[13px] font-medium text-zinc-900">{name}</p>
          <p className="text-xs text-zinc-500">{email}</p>
        </div>
      </div>
      <form action={signOutAction}>
        <Button type="submit" variant="secondary" size="sm">
          Sign out
        </Button>
      </form>
    </header>
  );
}
