"use server";

import { db } from "@/db/client";
import { defineAction } from "@/lib/actions/define-action";
import {
  CreateControlInput,
  CreatePeriodInput,
  GenerateScheduleInput,
  LinkChecklistEvidenceInput,
  LinkEvidenceInput,
  RecordResultInput,
  UpdateChecklistItemInput,
  UpdateControlInput,
  UpdateRemediationInput,
} from "./schemas";
import {
  createControl,
  createPeriod,
  generatePeriodSchedule,
  linkChecklistEvidence,
  linkEvidence,
  recordTestResult,
  updateChecklistItem,
  updateControl,
  updateRemediation,
} from "./service";

// Any revalidatePath refreshes the page the action ran on; "/controls" also drops cached lists.
const revalidate = ["/controls", "/"];

export const createControlAction = defineAction(
  "controls.create",
  { permission: "controls.manage", schema: CreateControlInput, revalidate },
  async ({ ctx, input }) => {
    const control = await db.transaction((tx) => createControl(tx, ctx, input));
    return { message: `Created ${control.code} ${control.name}.`, data: { id: control.id } };
  },
);

export const updateControlAction = defineAction(
  "controls.update",
  { permission: "controls.manage", schema: UpdateControlInput, revalidate },
  async ({ ctx, input }) => {
    const { control, rescheduled } = await db.transaction((tx) => updateControl(tx, ctx, input));
    const moved = rescheduled.reduce((n, r) => n + r.removed + r.added, 0);
    return {
      message: `Saved ${control.code}.${moved > 0 ? ` Future unrecorded tests were rescheduled (${rescheduled.map((r) => `−${r.removed} +${r.added}`).join(", ")}).` : ""}`,
    };
  },
);

export const createPeriodAction = defineAction(
  "controls.create_period",
  { permission: "controls.manage", schema: CreatePeriodInput, revalidate },
  async ({ ctx, input }) => {
    const period = await db.transaction((tx) => createPeriod(tx, ctx, input));
    return { message: `Created the period ${input.name}.`, data: { id: period.id } };
  },
);

export const generateScheduleAction = defineAction(
  "controls.generate_schedule",
  { permission: "controls.manage", schema: GenerateScheduleInput, revalidate },
  async ({ ctx, input }) => {
    const out = await db.transaction((tx) => generatePeriodSchedule(tx, ctx, input));
    return {
      message:
        out.added === 0 && out.removed === 0
          ? `The schedule is up to date: ${out.total} tests for ${out.controls} controls.`
          : `Schedule generated: ${out.added} tests added${out.removed ? `, ${out.removed} rescheduled` : ""}; ${out.total} tests for ${out.controls} controls.`,
    };
  },
);

export const recordResultAction = defineAction(
  "controls.record_result",
  { permission: "controls.contribute", schema: RecordResultInput, revalidate },
  async ({ ctx, input }) => {
    await db.transaction((tx) => recordTestResult(tx, ctx, input));
    return { message: input.supersedesId ? "Correction recorded. The earlier record stays visible." : "Result recorded and locked." };
  },
);

export const updateRemediationAction = defineAction(
  "controls.update_remediation",
  { permission: "controls.contribute", schema: UpdateRemediationInput, revalidate },
  async ({ ctx, input }) => {
    await db.transaction((tx) => updateRemediation(tx, ctx, input));
    return { message: input.status === "closed" ? "Remediation closed." : "Remediation updated." };
  },
);

export const linkEvidenceAction = defineAction(
  "controls.link_evidence",
  { permission: "controls.contribute", schema: LinkEvidenceInput, revalidate },
  async ({ ctx, input }) => {
    await db.transaction((tx) => linkEvidence(tx, ctx, input));
    return { message: "Evidence attached to this test." };
  },
);

export const updateChecklistItemAction = defineAction(
  "controls.update_checklist_item",
  { permission: "controls.contribute", schema: UpdateChecklistItemInput, revalidate },
  async ({ ctx, input }) => {
    await db.transaction((tx) => updateChecklistItem(tx, ctx, input));
    return { message: "Checklist item saved." };
  },
);

export const linkChecklistEvidenceAction = defineAction(
  "controls.link_checklist_evidence",
  { permission: "controls.contribute", schema: LinkChecklistEvidenceInput, revalidate },
  async ({ ctx, input }) => {
    await db.transaction((tx) => linkChecklistEvidence(tx, ctx, input));
    return { message: "Evidence linked to the checklist item." };
  },
);
