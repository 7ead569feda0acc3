import { z } from "zod";
import { AI_RELEVANCE, CHECKLIST_STATUSES, FREQUENCIES, OCCURRENCE_STATES, REMEDIATION_STATUSES, RESULTS } from "./vocabulary";

/** A calendar day as forms and URLs send it: `YYYY-MM-DD`, and a real date (no 30 February). */
export const Day = z
  .string({ error: "Enter a date." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "Not a real date.");

const text = (max: number, required?: string) => {
  const base = z.string().trim().max(max, `At most ${max} characters.`);
  return required ? base.min(1, required) : base.default("");
};
const id = (message: string) => z.uuid(message);
// An unticked checkbox group sends no field at all.
const idList = (message: string) => z.array(z.uuid(message)).max(50, "At most 50.").prefault([]);

export const ControlFields = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,4}\d{0,2}(\.\d{1,3})+$/, "A code like CC6.1 or AI.3."),
  name: text(120, "Enter a name."),
  category: text(80, "Enter a category."),
  description: text(2000),
  frequency: z.enum(FREQUENCIES, { error: "Choose a testing frequency." }),
  dueDay: z.coerce
    .number({ error: "A day from 1 to 31." })
    .int("A day from 1 to 31.")
    .min(1, "A day from 1 to 31.")
    .max(31, "A day from 1 to 31.")
    .default(31),
  aiRelevance: z.enum(AI_RELEVANCE, { error: "Choose the AI relevance." }),
  testProcedure: text(4000, "Describe how the control is tested."),
  ownerId: id("Choose an owner."),
  criteria: z
    .array(z.string().regex(/^[A-Z]{1,2}\d$/, "Unknown criterion."))
    .min(1, "Map the control to at least one criterion.")
    .max(20)
    .prefault([]),
});
export type ControlFields = z.infer<typeof ControlFields>;

export const CreateControlInput = ControlFields;
export type CreateControlInput = z.infer<typeof CreateControlInput>;

export const UpdateControlInput = ControlFields.extend({ controlId: id("Unknown control.") });
export type UpdateControlInput = z.infer<typeof UpdateControlInput>;

export const CreatePeriodInput = z
  .object({
    name: text(120, "Enter a name."),
    startsOn: Day,
    endsOn: Day,
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ["endsOn"], message: "The period ends on or after its first day." })
  .refine((p) => new Date(`${p.endsOn}T00:00:00Z`).getTime() - new Date(`${p.startsOn}T00:00:00Z`).getTime() < 1096 * 86_400_000, {
    path: ["endsOn"],
    message: "A period is at most three years long.",
  });
export type CreatePeriodInput = z.infer<typeof CreatePeriodInput>;

export const GenerateScheduleInput = z.object({ periodId: id("Unknown period.") });
export type GenerateScheduleInput = z.infer<typeof GenerateScheduleInput>;

export const RecordResultInput = z
  .object({
    occurrenceId: id("Unknown test."),
    result: z.enum(RESULTS, { error: "Choose pass, fail or partial." }),
    testerId: id("Choose who performed the test."),
    testedOn: Day,
    procedureFollowed: text(4000, "Describe the procedure that was followed."),
    findings: text(4000),
    evidenceIds: idList("Unknown evidence."),
    remediationOwnerId: z
      .uuid("Choose who remediates.")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    remediationDueOn: Day.optional().or(z.literal("").transform(() => undefined)),
    remediationPlan: text(4000),
    supersedesId: z
      .uuid("Unknown result.")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    correctionReason: text(2000),
  })
  .superRefine((input, ctx) => {
    if (input.result !== "pass") {
      if (!input.remediationOwnerId)
        ctx.addIssue({ code: "custom", path: ["remediationOwnerId"], message: "A result that is not a pass needs a remediation owner." });
      if (!input.remediationDueOn)
        ctx.addIssue({ code: "custom", path: ["remediationDueOn"], message: "A result that is not a pass needs a remediation due date." });
      if (!input.findings) ctx.addIssue({ code: "custom", path: ["findings"], message: "Describe what was found." });
    }
    if (input.supersedesId && !input.correctionReason)
      ctx.addIssue({ code: "custom", path: ["correctionReason"], message: "Say why the earlier record is corrected." });
  });
export type RecordResultInput = z.infer<typeof RecordResultInput>;

export const UpdateRemediationInput = z
  .object({
    remediationId: id("Unknown remediation."),
    status: z.enum(REMEDIATION_STATUSES, { error: "Choose a status." }),
    closingNote: text(4000),
  })
  .refine((r) => r.status !== "closed" || r.closingNote.length > 0, {
    path: ["closingNote"],
    message: "Closing a remediation needs a note on how it was fixed.",
  });
export type UpdateRemediationInput = z.infer<typeof UpdateRemediationInput>;

/** The fields that travel with an uploaded file (the file itself is checked in evidence-file.ts). */
export const UploadEvidenceFields = z.object({
  evidenceDate: Day,
  description: text(1000),
  occurrenceId: z
    .uuid("Unknown test.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type UploadEvidenceFields = z.infer<typeof UploadEvidenceFields>;

export const LinkEvidenceInput = z.object({ evidenceId: id("Choose evidence."), occurrenceId: id("Unknown test.") });
export type LinkEvidenceInput = z.infer<typeof LinkEvidenceInput>;

export const UpdateChecklistItemInput = z.object({
  itemId: id("Unknown checklist item."),
  status: z.enum(CHECKLIST_STATUSES, { error: "Choose a status." }),
  ownerId: z
    .uuid("Choose an owner.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type UpdateChecklistItemInput = z.infer<typeof UpdateChecklistItemInput>;

export const LinkChecklistEvidenceInput = z.object({ itemId: id("Unknown checklist item."), evidenceId: id("Choose evidence.") });
export type LinkChecklistEvidenceInput = z.infer<typeof LinkChecklistEvidenceInput>;

/** The calendar's view as it lives in the URL: a bad value falls back instead of failing the page. */
export const CalendarQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
  view: z.enum(["month", "agenda"]).default("month").catch("month"),
  control: z.uuid().optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  state: z.enum(OCCURRENCE_STATES).optional().catch(undefined),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const ExportQuery = z.object({ period: z.uuid("Choose a period.") });
