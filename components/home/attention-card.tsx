import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";

/**
 * A home-page card: a section's name, what needs attention in a sentence or two, and one
 * button into the section. `warning` tints it and shows as an amber badge beside the name.
 */
export function AttentionCard({
  id,
  title,
  warning,
  action,
  children,
}: {
  id: string;
  title: string;
  warning?: string | null;
  action: { href: string; label: string; primary: boolean };
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`flex items-center justify-between gap-4 rounded-lg border p-4 ${warning ? "border-amber-200 bg-amber-50/60" : "border-zinc-200 bg-white"}`}
    >
      <div>
        <h2 id={id} className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          {title} {warning ? <Badge tone="amber">{warning}</Badge> : null}
        </h2>
        <p className="mt-0.5 text-[13px] text-zinc-600">{children}</p>
      </div>
      <ButtonLink href={action.href} variant={action.primary ? "primary" : "secondary"} size="sm">
        {action.label}
      </ButtonLink>
    </section>
  );
}
