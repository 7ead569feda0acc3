import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";

export function MfaStatusCard({ enabled }: { enabled: boolean }) {
  return (
    <section
      aria-labelledby="mfa-status-title"
      className={`flex items-center justify-between gap-4 rounded-lg border p-4 ${enabled ? "border-zinc-200 bg-white" : "border-amber-200 bg-amber-50/70"}`}
    >
      <div>
        <h2 id="mfa-status-title" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
          Two-factor sign-in {enabled ? <Badge tone="green">On</Badge> : <Badge tone="amber">Off</Badge>}
        </h2>
        <p className="mt-0.5 text-[13px] text-zinc-600">
          {enabled
            ? "Your account asks for a code from your authenticator app at every sign-in."
            : "Your account is protected by a password only. SOC 2 expects a second factor for everyone with access."}
        </p>
      </div>
      <ButtonLink href="/settings/account" variant={enabled ? "secondary" : "primary"} size="sm">
        {enabled ? "Manage" : "Set up two-factor sign-in"}
      </ButtonLink>
    </section>
  );
}
