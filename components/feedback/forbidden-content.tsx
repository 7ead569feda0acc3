import { ButtonLink } from "@/components/ui/button";
import { SectionName } from "./section-name";
import { StatusPage } from "./status-page";

export function ForbiddenContent({ compact = false }: { compact?: boolean }) {
  return (
    <StatusPage
      compact={compact}
      code="403 · Forbidden"
      title="You don't have access to this section"
      actions={
        <ButtonLink href="/" variant="primary">
          Back to home
        </ButtonLink>
      }
    >
      <p>
        Your roles do not include access to <SectionName />. If you need it for your work, ask an Assay administrator to grant you the right
        role.
      </p>
      <p className="text-xs text-zinc-500">This attempt was recorded in the audit log.</p>
    </StatusPage>
  );
}
