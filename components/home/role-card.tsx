import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { RoleGuide } from "./role-guide";

export function RoleCard({ label, guide }: { label: string; guide: RoleGuide }) {
  return (
    <article className="flex flex-col rounded-lg border border-zinc-200 bg-white p-4 shadow-xs">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-zinc-900">{label}</h3>
        {guide.status === "available" ? <Badge tone="green">Available</Badge> : <Badge>Coming soon</Badge>}
      </div>
      <p className="mt-1.5 flex-1 text-[13px] leading-relaxed text-zinc-600">{guide.summary}</p>
      {guide.links ? (
        <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
          {guide.links.map((link) => (
            <Link key={link.href} href={link.href} className="text-[13px] font-medium text-accent-700 hover:underline">
              {link.label} →
            </Link>
          ))}
        </div>
      ) : null}
    </article>
  );
}
