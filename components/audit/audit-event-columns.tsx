"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { createContext, use } from "react";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import type { AuditEventRowView } from "./audit-event-row";
import { eventHref, type AuditListView } from "./audit-url";
import { eventTypeTone, formatUtc, humanize, outcomeTone } from "./event-display";

/** The list's view, so each row's link carries it (and "Back to events" returns here). */
export const AuditListViewContext = createContext<AuditListView | undefined>(undefined);

const helper = createColumnHelper<ClientTableFeatures, AuditEventRowView>();

// Sorting is by time only, in SQL (the keyset index); every other column is fixed.
export const auditEventColumns = helper.columns([
  helper.accessor("seq", {
    header: "Event",
    enableSorting: false,
    cell: (info) => <EventLink seq={info.row.original.seq} />,
  }),
  helper.accessor("occurredAt", {
    id: "occurredAt",
    header: "Time (UTC)",
    cell: (info) => (
      <time dateTime={info.row.original.occurredAt} className="text-xs whitespace-nowrap text-zinc-600 tabular-nums">
        {formatUtc(info.row.original.occurredAt).replace(" UTC", "")}
      </time>
    ),
  }),
  helper.accessor("eventType", {
    header: "Type",
    enableSorting: false,
    cell: (info) => <Badge tone={eventTypeTone(info.row.original.eventType)}>{humanize(info.row.original.eventType)}</Badge>,
  }),
  helper.accessor("action", {
    header: "Action",
    enableSorting: false,
    cell: (info) => <code className="font-mono text-xs text-zinc-800">{info.row.original.action}</code>,
  }),
  helper.accessor("outcome", {
    header: "Outcome",
    enableSorting: false,
    cell: (info) => <Badge tone={outcomeTone(info.row.original.outcome)}>{humanize(info.row.original.outcome)}</Badge>,
  }),
  // The IP sits under the actor: who and from where read as one fact, and the table fits.
  helper.accessor((row) => `${row.actor ?? ""} ${row.actorIp ?? ""}`, {
    id: "actor",
    header: "Actor · IP",
    enableSorting: false,
    cell: (info) => <Actor name={info.row.original.actor} ip={info.row.original.actorIp} />,
  }),
  helper.accessor((row) => `${row.resourceType ?? ""} ${row.resourceId ?? ""}`, {
    id: "resource",
    header: "Resource",
    enableSorting: false,
    cell: (info) => <Resource type={info.row.original.resourceType} id={info.row.original.resourceId} />,
  }),
]);

function EventLink({ seq }: { seq: number }) {
  const view = use(AuditListViewContext);
  return (
    <Link
      href={eventHref(seq, view)}
      data-row-link=""
      aria-label={`Event ${seq}`}
      className="font-mono text-xs font-medium text-accent-700 tabular-nums hover:underline"
    >
      #{seq}
    </Link>
  );
}

function Actor({ name, ip }: { name: string | null; ip: string | null }) {
  return (
    <span className="block max-w-52 text-xs leading-snug">
      {name ? (
        <span className="block truncate text-zinc-800" title={name}>
          {name}
        </span>
      ) : (
        <span className="block text-zinc-400">System</span>
      )}
      <span className="block font-mono text-[11px] text-zinc-500">{ip ?? "no IP"}</span>
    </span>
  );
}

function Resource({ type, id }: { type: string | null; id: string | null }) {
  if (!type) return <span className="text-zinc-400">—</span>;
  return (
    <span className="block max-w-28 text-xs leading-snug" title={id ? `${type} ${id}` : type}>
      <span className="block text-zinc-800">{type}</span>
      {id ? <span className="block truncate font-mono text-[11px] text-zinc-500">{id}</span> : null}
    </span>
  );
}
