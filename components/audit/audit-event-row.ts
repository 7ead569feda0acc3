/** One row of the browse table, as the server hands it to the client (plain strings). */
export type AuditEventRowView = {
  seq: number;
  occurredAt: string;
  eventType: string;
  action: string;
  outcome: string;
  /** An email, "API key <name>", or null for the system. */
  actor: string | null;
  actorIp: string | null;
  resourceType: string | null;
  resourceId: string | null;
};

type Source = {
  seq: number;
  occurredAt: Date;
  eventType: string;
  action: string;
  outcome: string;
  actorEmail: string | null;
  actorApiKeyName: string | null;
  actorIp: string | null;
  resourceType: string | null;
  resourceId: string | null;
};

export function toRowView(row: Source): AuditEventRowView {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    eventType: row.eventType,
    action: row.action,
    outcome: row.outcome,
    actor: actorLabel(row),
    actorIp: row.actorIp,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
  };
}

export function actorLabel(row: { actorEmail: string | null; actorApiKeyName: string | null }): string | null {
  if (row.actorEmail) return row.actorEmail;
  if (row.actorApiKeyName) return `API key ${row.actorApiKeyName}`;
  return null;
}
