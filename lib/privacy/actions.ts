"use server";

import { db } from "@/db/client";
import { defineAction } from "@/lib/actions/define-action";
import { checkConsent } from "./consent-check";
import { recordConsent, withdrawConsent } from "./consent-service";
import { importConsents } from "./import-service";
import { createActivity, savePurpose } from "./register-service";
import { createRequest, fulfilRequest } from "./request-service";
import {
  CheckConsentInput,
  CreateActivityInput,
  CreateRequestInput,
  FulfilRequestInput,
  ImportConsentsInput,
  RecordConsentInput,
  SavePurposeInput,
  WithdrawConsentInput,
} from "./schemas";

const CONSENTS = ["/privacy", "/privacy/consents"];

export const recordConsentAction = defineAction(
  "privacy.consent_record",
  { permission: "consent.write", schema: RecordConsentInput, revalidate: CONSENTS },
  async ({ ctx, input }) => {
    await db.transaction((tx) => recordConsent(tx, ctx, input));
    return { message: `Consent recorded (${input.status}: ${[...new Set(input.purposes)].sort().join(", ")}).` };
  },
);

export const withdrawConsentAction = defineAction(
  "privacy.consent_withdraw",
  { permission: "consent.write", schema: WithdrawConsentInput, revalidate: CONSENTS },
  async ({ ctx, input }) => {
    const { purposes } = await db.transaction((tx) => withdrawConsent(tx, ctx, input));
    return { message: `Consent withdrawn for ${purposes.join(", ")}. The earlier records are kept.` };
  },
);

export const checkConsentAction = defineAction(
  "privacy.consent_check",
  { permission: "consent.check", schema: CheckConsentInput },
  async ({ ctx, input }) => {
    const answer = await checkConsent(ctx, input);
    return { message: answer.explanation, data: answer };
  },
);

export const importConsentsAction = defineAction(
  "privacy.consent_import",
  { permission: "consent.write", schema: ImportConsentsInput, revalidate: CONSENTS },
  async ({ ctx, input }) => {
    const csv = await input.file.text();
    const { imported } = await db.transaction((tx) => importConsents(tx, ctx, csv));
    return { message: `Imported ${imported} consent records.` };
  },
);

export const createRequestAction = defineAction(
  "privacy.request_create",
  { permission: "privacy.requests_manage", schema: CreateRequestInput, revalidate: ["/privacy", "/privacy/requests"] },
  async ({ ctx, input }) => {
    const { id } = await db.transaction((tx) => createRequest(tx, ctx, input));
    return { message: "Request logged.", data: { id } };
  },
);

export const fulfilRequestAction = defineAction(
  "privacy.request_fulfil",
  { permission: "privacy.requests_manage", schema: FulfilRequestInput, revalidate: ["/privacy", "/privacy/requests", "/privacy/consents"] },
  async ({ ctx, input }) => {
    const done = await db.transaction((tx) => fulfilRequest(tx, ctx, input));
    const erased =
      done.erasedRecords === null ? "" : ` ${done.erasedRecords} consent records erased; the request no longer links to the subject.`;
    return { message: `Request completed.${erased}` };
  },
);

export const savePurposeAction = defineAction(
  "privacy.purpose_save",
  { permission: "privacy.register_manage", schema: SavePurposeInput, revalidate: ["/privacy/register", "/privacy/consents"] },
  async ({ ctx, input }) => {
    const { created } = await db.transaction((tx) => savePurpose(tx, ctx, input));
    return { message: `Purpose ${input.key} ${created ? "added" : "saved"}.` };
  },
);

export const createActivityAction = defineAction(
  "privacy.activity_create",
  { permission: "privacy.register_manage", schema: CreateActivityInput, revalidate: ["/privacy/register"] },
  async ({ ctx, input }) => {
    await db.transaction((tx) => createActivity(tx, ctx, input));
    return { message: `Added ${input.name} to the register.` };
  },
);
