"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import type { ClientTableFeatures } from "@/components/data-table/features";
import { formatElapsed, formatUtc } from "@/components/format";
import type { IncidentRow } from "@/lib/availability/queries";
import type { Serialized } from "@/lib/serialized";
import { minutesBetween } from "@/lib/time";
import { IncidentStateBadge, SeverityBadge } from "./status-badge";

/** A row of the list, as the server component hands it over. */
export type IncidentListRow = Serialized<IncidentRow>;

const helper = createColumnHelper<ClientTableFeatures, IncidentListRow>();

/** Paging and order come from the server (open first, then newest), so no column sorts. */
export const incidentColumns = helper.columns([
  helper.accessor("serviceName", {
    header: "Service",
    enableSorting: false,
    cell: (info) => (
      <Link
        href={`/availability/services/${info.row.original.serviceKey}`}
        className="whitespace-nowrap text-zinc-700 hover:text-accent-700 hover:underline"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("title", {
    header: "Title",
    enableSorting: false,
    cell: (info) => (
      <Link
        href={`/availability/incidents/${info.row.original.id}`}
        className="font-medium text-zinc-900 hover:text-accent-700 hover:underline"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("severity", { header: "Severity", enableSorting: false, cell: (info) => <SeverityBadge severity={info.getValue()} /> }),
  helper.display({
    id: "state",
    header: "State",
    cell: (info) => (
      <IncidentStateBadge acknowledged={info.row.original.acknowledgedAt !== null} resolved={info.row.original.resolvedAt !== null} />
    ),
  }),
  helper.accessor("startedAt", {
    header: "Started",
    enableSorting: false,
    cell: (info) => <span className="whitespace-nowrap tabular-nums">{formatUtc(info.getValue())}</span>,
  }),
  helper.display({
    id: "duration",
    header: "Duration",
    cell: (info) => {
      const { startedAt, resolvedAt } = info.row.original;
      if (!resolvedAt) return <span className="font-medium whitespace-nowrap text-red-700">ongoing</span>;
      return (
        <span className="whitespace-nowrap tabular-nums">
          {formatElapsed(minutesBetween(Date.parse(startedAt), Date.parse(resolvedAt)))}
        </span>
      );
    },
  }),
  helper.accessor("acknowledgedByName", {
    header: "Acknowledged by",
    enableSorting: false,
    cell: (info) => <span className="whitespace-nowrap">{info.getValue() ?? "—"}</span>,
  }),
  helper.accessor("source", {
    header: "Source",
    enableSorting: false,
    cell: (info) => <span className="text-zinc-500">{info.getValue() === "auto" ? "Auto" : "Manual"}</span>,
  }),
]);
