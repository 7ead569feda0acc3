import "server-only";
import type { AuditListView } from "@/components/audit/audit-url";
import { cursorOf, listAuditEvents, type AuditEventRow } from "@/lib/audit/queries";
import type { AuditFilter } from "@/lib/audit/schemas";

export type EventsPage = {
  rows: AuditEventRow[];
  /** Cursor for "Next" (`after`) and for "Previous" (`before`); null where there is none. */
  next: string | null;
  previous: string | null;
};

/**
 * Keyset paging both ways, with no cursor stack in the URL: "Previous" asks for the page
 * that ends just before the first row shown, by reading in the opposite order from that
 * row and reversing. Each direction is one index range scan, however deep the page.
 */
export async function loadEventsPage(filter: AuditFilter, view: AuditListView): Promise<EventsPage> {
  if (!view.before) {
    const page = await listAuditEvents(filter);
    const first = page.rows[0];
    return { rows: page.rows, next: page.nextCursor, previous: filter.after && first ? cursorOf(first) : null };
  }
  const reversed = await listAuditEvents({ ...filter, after: view.before, sort: filter.sort === "desc" ? "asc" : "desc" });
  // Fewer rows than a page before this point: that is the start, so show the real first page.
  if (reversed.rows.length < filter.limit) return loadEventsPage({ ...filter, after: undefined }, { ...view, before: undefined });
  const rows = reversed.rows.reverse();
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return { rows, next: cursorOf(last), previous: reversed.nextCursor ? cursorOf(first) : null };
}
