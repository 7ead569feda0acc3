/**
 * The browse view as it lives in the URL (a link reproduces it). Plain strings only, so
 * the same object crosses from the server page to client components. Defaults are left
 * out of URLs, so equal views have equal links.
 */
export type AuditListView = {
  type?: string;
  outcome?: string;
  actor?: string;
  resourceType?: string;
  resourceId?: string;
  action?: string;
  /** ISO 8601, UTC. */
  from?: string;
  to?: string;
  sort: "desc" | "asc";
  limit: number;
  /** Keyset cursors (`<ISO time>_<seq>`): rows after this one, or the page before this one. */
  after?: string;
  before?: string;
};

export const DEFAULT_LIMIT = 50;
export const PAGE_SIZES = [25, 50, 100, 200] as const;

const FILTER_KEYS = ["type", "outcome", "actor", "resourceType", "resourceId", "action", "from", "to"] as const;

export function hasFilters(view: AuditListView): boolean {
  return FILTER_KEYS.some((key) => Boolean(view[key]));
}

/** The view's query string; `only: "filters"` keeps the filters and the order (CSV export). */
export function listQuery(view: AuditListView, only: "all" | "filters" = "all"): string {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = view[key];
    if (value) q.set(key, value);
  }
  if (view.sort !== "desc") q.set("sort", view.sort);
  if (only === "all") {
    if (view.limit !== DEFAULT_LIMIT) q.set("limit", String(view.limit));
    if (view.after) q.set("after", view.after);
    else if (view.before) q.set("before", view.before);
  }
  return q.toString();
}

function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

/** The list with these changes; any change but a cursor starts again at the first page. */
export function listHref(view: AuditListView, changes: Partial<AuditListView> = {}): string {
  const paging = "after" in changes || "before" in changes;
  const next: AuditListView = { ...view, ...(paging ? {} : { after: undefined, before: undefined }), ...changes };
  return withQuery("/audit", listQuery(next));
}

/** An event's page, carrying the list's view so that "Back to events" returns to it. */
export function eventHref(seq: number, view?: AuditListView): string {
  return withQuery(`/audit/events/${seq}`, view ? listQuery(view) : "");
}

export function csvHref(view: AuditListView): string {
  return withQuery("/api/audit/events.csv", listQuery(view, "filters"));
}
