import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { actorLabel } from "@/components/audit/audit-event-row";
import { eventHref, listHref } from "@/components/audit/audit-url";
import { CanonicalRecord, EventFields, EventHashes, type AuditEventDetailView } from "@/components/audit/event-detail";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/service";
import { getAuditEvent } from "@/lib/audit/queries";
import { parseListParams } from "../../list-params";

type Props = {
  params: Promise<{ seq: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Audit event ${(await params).seq}` };
}

export default async function AuditEventPage({ params, searchParams }: Props) {
  const { seq: raw } = await params;
  await requirePagePermission("audit.read", `/audit/events/${raw}`);
  const seq = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  const found = Number.isSafeInteger(seq) && seq > 0 ? await getAuditEvent(seq) : null;
  if (!found) notFound();
  // The list's view rides along in the query string, so "Back to events" returns to it.
  const { view } = parseListParams(await searchParams);
  const event: AuditEventDetailView = { ...found, occurredAt: found.occurredAt.toISOString(), actor: actorLabel(found) };

  return (
    <>
      <PageHeader
        title={`Event ${event.seq}`}
        description={
          <>
            <code className="font-mono">{event.action}</code> · {event.actor ?? "System"}
          </>
        }
        actions={
          <ButtonLink href={listHref(view, { after: view.after, before: view.before })} variant="secondary" size="sm">
            ← Back to events
          </ButtonLink>
        }
      />
      <nav aria-label="Neighbouring events" className="mb-6 flex items-center justify-between gap-3 text-[13px]">
        {found.previousSeq ? (
          <Link href={eventHref(found.previousSeq, view)} className="font-medium text-accent-700 hover:underline" rel="prev">
            ← Previous event ({found.previousSeq})
          </Link>
        ) : (
          <span className="text-zinc-400">First event in the log</span>
        )}
        {found.nextSeq ? (
          <Link href={eventHref(found.nextSeq, view)} className="font-medium text-accent-700 hover:underline" rel="next">
            Next event ({found.nextSeq}) →
          </Link>
        ) : (
          <span className="text-zinc-400">Newest event in the log</span>
        )}
      </nav>
      <div className="space-y-6">
        <EventFields event={event} view={view} />
        <EventHashes event={event} />
        <CanonicalRecord canonical={event.canonical} />
      </div>
    </>
  );
}
