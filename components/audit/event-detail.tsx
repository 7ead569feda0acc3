import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/form-message";
import { listHref, type AuditListView } from "./audit-url";
import { CopyButton } from "./copy-button";
import { eventTypeTone, formatUtc, humanize, outcomeTone } from "./event-display";

export type AuditEventDetailView = {
  seq: number;
  eventId: string;
  occurredAt: string;
  eventType: string;
  action: string;
  outcome: string;
  actor: string | null;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  actorIp: string | null;
  actorUserAgent: string | null;
  actorSessionId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  canonical: string;
  hash: string;
  prevHash: string;
};

/** The query columns of one event, with links that filter the log by its actor or resource. */
export function EventFields({ event, view }: { event: AuditEventDetailView; view: AuditListView }) {
  const actorFilter = event.actorUserId ? `user:${event.actorUserId}` : event.actorApiKeyId ? `key:${event.actorApiKeyId}` : null;
  return (
    <Card>
      <CardHeader title="Event" description="The columns the log is filtered by; the canonical record below is what the hash covers." />
      <CardBody>
        <dl className="grid grid-cols-1 gap-x-8 gap-y-3 text-[13px] sm:grid-cols-[10rem_1fr]">
          <Row term="Sequence">
            <span className="font-mono tabular-nums">{event.seq}</span>
          </Row>
          <Row term="Event ID">
            <span className="font-mono text-xs">{event.eventId}</span>
          </Row>
          <Row term="Time">
            <time dateTime={event.occurredAt}>{formatUtc(event.occurredAt)}</time>
          </Row>
          <Row term="Type">
            <Badge tone={eventTypeTone(event.eventType)}>{humanize(event.eventType)}</Badge>
          </Row>
          <Row term="Action">
            <code className="font-mono text-xs">{event.action}</code>
          </Row>
          <Row term="Outcome">
            <Badge tone={outcomeTone(event.outcome)}>{humanize(event.outcome)}</Badge>
          </Row>
          <Row term="Actor">
            {event.actor ?? "System"}
            {actorFilter ? <FilterLink href={listHref({ ...view, actor: actorFilter })}>Events by this actor</FilterLink> : null}
          </Row>
          <Row term="IP address">
            <span className="font-mono text-xs">{event.actorIp ?? "—"}</span>
          </Row>
          <Row term="User agent">
            <span className="text-xs break-all text-zinc-600">{event.actorUserAgent ?? "—"}</span>
          </Row>
          <Row term="Session">
            <span className="font-mono text-xs">{event.actorSessionId ?? "—"}</span>
          </Row>
          <Row term="Resource">
            {event.resourceType ? (
              <>
                {event.resourceType} <span className="font-mono text-xs text-zinc-600">{event.resourceId ?? ""}</span>
                <FilterLink href={listHref({ ...view, resourceType: event.resourceType, resourceId: event.resourceId ?? undefined })}>
                  Events on this resource
                </FilterLink>
              </>
            ) : (
              "—"
            )}
          </Row>
        </dl>
      </CardBody>
    </Card>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-zinc-500">{term}</dt>
      <dd className="min-w-0 text-zinc-900">{children}</dd>
    </>
  );
}

function FilterLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="ml-3 text-xs font-medium text-accent-700 hover:underline">
      {children}
    </Link>
  );
}

/** The hash chain around this event: SHA-256 over the previous hash and the canonical text. */
export function EventHashes({ event }: { event: AuditEventDetailView }) {
  return (
    <Card>
      <CardHeader
        title="Hash chain"
        description="This event's hash covers the previous hash and its canonical text (docs/audit-log-format.md)."
      />
      <CardBody className="space-y-4">
        <HashValue label="Hash" value={event.hash} />
        <HashValue label="Previous hash" value={event.prevHash} />
      </CardBody>
    </Card>
  );
}

function HashValue({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <div className="mb-1 flex items-center justify-between gap-3">
        <h3 className="text-[13px] font-medium text-zinc-500">{label}</h3>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
      <p className="rounded-md bg-zinc-50 px-3 py-2 font-mono text-xs break-all text-zinc-900 ring-1 ring-zinc-200 ring-inset">{value}</p>
    </div>
  );
}

/** The canonical record twice: readable, and byte for byte as stored (what is hashed). */
export function CanonicalRecord({ canonical }: { canonical: string }) {
  let pretty: string | null = null;
  try {
    pretty = JSON.stringify(JSON.parse(canonical), null, 2);
  } catch {
    pretty = null;
  }
  return (
    <Card>
      <CardHeader
        title="Canonical record"
        description="RFC 8785 (JCS) JSON. The hash is computed over the exact stored text, not over the readable view."
      />
      <CardBody className="space-y-5">
        <section aria-labelledby="canonical-pretty">
          <h3 id="canonical-pretty" className="mb-1.5 text-[13px] font-medium text-zinc-500">
            Readable
          </h3>
          {pretty ? (
            <pre className="max-h-[36rem] overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-relaxed text-zinc-100">
              {pretty}
            </pre>
          ) : (
            <Notice tone="error">The stored text is not valid JSON. Run a verification: this event will fail it.</Notice>
          )}
        </section>
        <section aria-labelledby="canonical-exact">
          <div className="mb-1.5 flex items-center justify-between gap-3">
            <h3 id="canonical-exact" className="text-[13px] font-medium text-zinc-500">
              Exact stored text
            </h3>
            <CopyButton value={canonical} label="Copy the exact stored text" />
          </div>
          <pre className="overflow-x-auto rounded-md bg-zinc-50 p-3 font-mono text-xs break-all whitespace-pre-wrap text-zinc-900 ring-1 ring-zinc-200 ring-inset">
            {canonical}
          </pre>
        </section>
      </CardBody>
    </Card>
  );
}
