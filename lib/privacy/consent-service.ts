import "server-only";
import type { Transaction } from "@/db/client";
import { consentRecords } from "@/db/schema";
import { recordAudit } from "@/lib/audit/append";
import { auditActor, type RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { addDays, grantedPurposes } from "./consent-state";
import { assertKnownPurposes, listPurposes, subjectHistory } from "./history";
import { pseudonymize } from "./pseudonym";
import type { ConsentSource, RecordConsentInput, WithdrawConsentInput } from "./schemas";

/**
 * Consent verbs. History is append-only: recording, withdrawing and renewing all insert.
 * Audit metadata never names the subject, not even by pseudonym: the audit log cannot be
 * erased, so after a deletion nothing in it may still point at the person.
 */

function recorder(ctx: RequestContext) {
  return { recordedBy: ctx.user?.id ?? null, recordedByApiKey: ctx.apiKey?.id ?? null };
}

export async function recordConsent(tx: Transaction, ctx: RequestContext, input: RecordConsentInput, source: ConsentSource = "ui") {
  assertKnownPurposes(await listPurposes(tx), input.purposes);
  const subjectPseudonym = pseudonymize(input.subjectId);
  const recordedAt = new Date();
  const [row] = await tx
    .insert(consentRecords)
    .values({
      subjectPseudonym,
      consentType: input.consentType,
      status: input.status,
      purposes: [...new Set(input.purposes)].sort(),
      policyVersion: input.policyVersion,
      source,
      recordedAt,
      expiresAt: addDays(recordedAt, input.expiresInDays),
      ...recorder(ctx),
    })
    .returning({ id: consentRecords.id, purposes: consentRecords.purposes, expiresAt: consentRecords.expiresAt });
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: "consent.recorded",
    outcome: "success",
    resource: { type: "consent_record", id: row!.id },
    metadata: {
      before: null,
      after: {
        status: input.status,
        consentType: input.consentType,
        purposes: row!.purposes,
        policyVersion: input.policyVersion,
        source,
        expiresAt: row!.expiresAt.toISOString(),
      },
    },
  });
  return { id: row!.id };
}

export async function withdrawConsent(tx: Transaction, ctx: RequestContext, input: WithdrawConsentInput, source: ConsentSource = "ui") {
  const done = await insertWithdrawal(tx, ctx, pseudonymize(input.subjectId), input.purposes, source);
  await recordAudit(tx, auditActor(ctx), {
    type: "data_modification",
    action: "consent.withdrawn",
    outcome: "success",
    resource: { type: "consent_record", id: done.id },
    metadata: {
      before: { grantedPurposes: done.granted },
      after: { grantedPurposes: done.granted.filter((p) => !done.purposes.includes(p)), withdrawn: done.purposes, source },
    },
  });
  return { id: done.id, purposes: done.purposes };
}

/**
 * Appends a withdrawal of `purposes` (none named: every purpose currently granted) without
 * auditing: the caller's own event describes it (a consent withdrawal, or a fulfilled request).
 */
export async function insertWithdrawal(
  tx: Transaction,
  ctx: RequestContext,
  subjectPseudonym: string,
  named: readonly string[],
  source: ConsentSource,
) {
  const catalog = await listPurposes(tx);
  assertKnownPurposes(catalog, named);
  const history = await subjectHistory(tx, subjectPseudonym);
  const now = new Date();
  const granted = grantedPurposes(
    history,
    catalog.map((p) => p.key),
    now,
  );
  const purposes = named.length > 0 ? [...new Set(named)].sort() : granted;
  if (purposes.length === 0) throw new AppError("conflict", "This subject has no granted consent to withdraw.");
  const [row] = await tx
    .insert(consentRecords)
    .values({
      subjectPseudonym,
      consentType: "explicit",
      status: "withdrawn",
      purposes,
      policyVersion: "withdrawal",
      source,
      recordedAt: now,
      expiresAt: now,
      ...recorder(ctx),
    })
    .returning({ id: consentRecords.id });
  return { id: row!.id, granted, purposes };
}
