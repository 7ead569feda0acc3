"use client";

import { useTable } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { clientTableFeatures } from "@/components/data-table/features";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { incidentsHref } from "@/lib/availability/schemas";
import { incidentColumns, type IncidentListRow } from "./incident-columns";

/** One page of incidents as the server ordered it; the filters and pager live in the URL. */
export function IncidentsTable({ rows, filtered }: { rows: IncidentListRow[]; filtered: boolean }) {
  const table = useTable({ features: clientTableFeatures, columns: incidentColumns, data: rows, getRowId: (row) => row.id });
  return (
    <DataTable
      table={table}
      caption="Incidents"
      empty={
        <EmptyState
          title={filtered ? "No incidents match these filters" : "No incidents in this range"}
          action={
            filtered ? (
              <Link href={incidentsHref()} className={buttonClass("secondary", "sm")}>
                Show all incidents
              </Link>
            ) : undefined
          }
        >
          {filtered ? "Try another state or service." : "Every service has been healthy, or nothing has been recorded yet."}
        </EmptyState>
      }
    />
  );
}
