import { z } from "zod";
import type { AuditListView } from "@/components/audit/audit-url";
import { AuditFilter } from "@/lib/audit/schemas";

type SearchParams = Record<string, string | string[] | undefined>;

/** "Previous page" is a keyset cursor too: the page that ends just before this row. */
const Before = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_\d+$/)
  .optional()
  .catch(undefined);

/**
 * The browse view from the URL. A hand-edited or stale link never breaks the page: a
 * repeated key counts once, and a value the schema refuses is dropped (its default applies).
 */
export function parseListParams(searchParams: SearchParams): { filter: AuditFilter; view: AuditListView } {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) raw[key] = first;
  }
  let parsed = AuditFilter.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
    parsed = AuditFilter.safeParse(raw);
  }
  const filter = parsed.success ? parsed.data : AuditFilter.parse({});
  const before = filter.after ? undefined : Before.parse(raw.before);
  return { filter, view: toView(filter, before) };
}

export function toView(filter: AuditFilter, before?: string): AuditListView {
  return {
    type: filter.type,
    outcome: filter.outcome,
    actor: filter.actor,
    resourceType: filter.resourceType,
    resourceId: filter.resourceId,
    action: filter.action,
    from: filter.from?.toISOString(),
    to: filter.to?.toISOString(),
    sort: filter.sort,
    limit: filter.limit,
    after: filter.after,
    before,
  };
}
