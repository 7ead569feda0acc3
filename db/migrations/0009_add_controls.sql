CREATE TABLE "audit_checklist_evidence" (
	"item_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_checklist_evidence_item_id_evidence_id_pk" PRIMARY KEY("item_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "audit_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"status" text DEFAULT 'not_started' NOT NULL,
	"sort_order" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_checklist_items_category" CHECK ("audit_checklist_items"."category" in ('policies','procedures','evidence','ai_evidence')),
	CONSTRAINT "audit_checklist_items_status" CHECK ("audit_checklist_items"."status" in ('not_started','in_progress','done'))
);
--> statement-breakpoint
CREATE TABLE "audit_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"schedule_generated_at" timestamp with time zone,
	CONSTRAINT "audit_periods_range" CHECK ("audit_periods"."ends_on" >= "audit_periods"."starts_on" and "audit_periods"."ends_on" < "audit_periods"."starts_on" + 1096)
);
--> statement-breakpoint
CREATE TABLE "control_criteria" (
	"control_id" uuid NOT NULL,
	"criterion_code" text NOT NULL,
	CONSTRAINT "control_criteria_control_id_criterion_code_pk" PRIMARY KEY("control_id","criterion_code")
);
--> statement-breakpoint
CREATE TABLE "control_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage" text DEFAULT 'postgres' NOT NULL,
	"evidence_date" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_evidence_sha256" CHECK ("control_evidence"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "control_evidence_size" CHECK ("control_evidence"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "control_evidence_links" (
	"evidence_id" uuid NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_evidence_links_evidence_id_occurrence_id_pk" PRIMARY KEY("evidence_id","occurrence_id")
);
--> statement-breakpoint
CREATE TABLE "control_remediations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"closing_note" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_remediations_status" CHECK ("control_remediations"."status" in ('open','in_progress','closed')),
	CONSTRAINT "control_remediations_closed" CHECK (("control_remediations"."status" = 'closed') = ("control_remediations"."closed_at" is not null)),
	CONSTRAINT "control_remediations_closing_note" CHECK ("control_remediations"."status" <> 'closed' or length(btrim(coalesce("control_remediations"."closing_note", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "control_result_evidence" (
	"result_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "control_result_evidence_result_id_evidence_id_pk" PRIMARY KEY("result_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "control_test_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"control_id" uuid NOT NULL,
	"frequency" text NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_test_occurrences_frequency" CHECK ("control_test_occurrences"."frequency" in ('weekly','monthly','quarterly','annually')),
	CONSTRAINT "control_test_occurrences_window" CHECK ("control_test_occurrences"."window_start" <= "control_test_occurrences"."window_end" and "control_test_occurrences"."due_on" between "control_test_occurrences"."window_start" and "control_test_occurrences"."window_end")
);
--> statement-breakpoint
CREATE TABLE "control_test_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"control_id" uuid NOT NULL,
	"result" text NOT NULL,
	"tester_id" uuid NOT NULL,
	"tested_on" date NOT NULL,
	"procedure_followed" text NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"supersedes_id" uuid,
	"correction_reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_test_results_result" CHECK ("control_test_results"."result" in ('pass','fail','partial')),
	CONSTRAINT "control_test_results_correction" CHECK (("control_test_results"."supersedes_id" is null) = ("control_test_results"."correction_reason" is null)),
	CONSTRAINT "control_test_results_not_self" CHECK ("control_test_results"."supersedes_id" is distinct from "control_test_results"."id")
);
--> statement-breakpoint
CREATE TABLE "controls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"frequency" text NOT NULL,
	"due_day" smallint DEFAULT 31 NOT NULL,
	"ai_relevance" text DEFAULT 'none' NOT NULL,
	"test_procedure" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "controls_frequency" CHECK ("controls"."frequency" in ('weekly','monthly','quarterly','annually')),
	CONSTRAINT "controls_due_day" CHECK ("controls"."due_day" between 1 and 31),
	CONSTRAINT "controls_ai_relevance" CHECK ("controls"."ai_relevance" in ('none','supporting','direct'))
);
--> statement-breakpoint
CREATE TABLE "evidence_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "soc2_criteria" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_checklist_evidence" ADD CONSTRAINT "audit_checklist_evidence_item_id_audit_checklist_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."audit_checklist_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_checklist_evidence" ADD CONSTRAINT "audit_checklist_evidence_evidence_id_control_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."control_evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_checklist_evidence" ADD CONSTRAINT "audit_checklist_evidence_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_checklist_items" ADD CONSTRAINT "audit_checklist_items_period_id_audit_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."audit_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_checklist_items" ADD CONSTRAINT "audit_checklist_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_periods" ADD CONSTRAINT "audit_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_criteria" ADD CONSTRAINT "control_criteria_control_id_controls_id_fk" FOREIGN KEY ("control_id") REFERENCES "public"."controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_criteria" ADD CONSTRAINT "control_criteria_criterion_code_soc2_criteria_code_fk" FOREIGN KEY ("criterion_code") REFERENCES "public"."soc2_criteria"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_evidence" ADD CONSTRAINT "control_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_evidence_links" ADD CONSTRAINT "control_evidence_links_evidence_id_control_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."control_evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_evidence_links" ADD CONSTRAINT "control_evidence_links_occurrence_id_control_test_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."control_test_occurrences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_evidence_links" ADD CONSTRAINT "control_evidence_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_remediations" ADD CONSTRAINT "control_remediations_result_id_control_test_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."control_test_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_remediations" ADD CONSTRAINT "control_remediations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_remediations" ADD CONSTRAINT "control_remediations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_result_evidence" ADD CONSTRAINT "control_result_evidence_result_id_control_test_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."control_test_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_result_evidence" ADD CONSTRAINT "control_result_evidence_evidence_id_control_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."control_evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_test_occurrences" ADD CONSTRAINT "control_test_occurrences_period_id_audit_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."audit_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_test_occurrences" ADD CONSTRAINT "control_test_occurrences_control_id_controls_id_fk" FOREIGN KEY ("control_id") REFERENCES "public"."controls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_test_results" ADD CONSTRAINT "control_test_results_occurrence_id_control_test_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."control_test_occurrences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_test_results" ADD CONSTRAINT "control_test_results_control_id_controls_id_fk" FOREIGN KEY ("control_id") REFERENCES "public"."controls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_test_results" ADD CONSTRAINT "control_test_results_tester_id_users_id_fk" FOREIGN KEY ("tester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_test_results" ADD CONSTRAINT "control_test_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_test_results" ADD CONSTRAINT "control_test_results_supersedes_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."control_test_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_checklist_evidence_evidence_idx" ON "audit_checklist_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_checklist_items_title_key" ON "audit_checklist_items" USING btree ("period_id","title");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_periods_name_key" ON "audit_periods" USING btree ("name");--> statement-breakpoint
CREATE INDEX "control_criteria_criterion_idx" ON "control_criteria" USING btree ("criterion_code");--> statement-breakpoint
CREATE INDEX "control_evidence_date_idx" ON "control_evidence" USING btree ("evidence_date");--> statement-breakpoint
CREATE INDEX "control_evidence_uploaded_idx" ON "control_evidence" USING btree ("uploaded_at");--> statement-breakpoint
CREATE INDEX "control_evidence_links_occurrence_idx" ON "control_evidence_links" USING btree ("occurrence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "control_remediations_result_key" ON "control_remediations" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "control_remediations_open_idx" ON "control_remediations" USING btree ("due_on") WHERE "control_remediations"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "control_result_evidence_evidence_idx" ON "control_result_evidence" USING btree ("evidence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "control_test_occurrences_interval_key" ON "control_test_occurrences" USING btree ("period_id","control_id","window_start");--> statement-breakpoint
CREATE INDEX "control_test_occurrences_due_idx" ON "control_test_occurrences" USING btree ("due_on","control_id");--> statement-breakpoint
CREATE INDEX "control_test_occurrences_control_idx" ON "control_test_occurrences" USING btree ("control_id","window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "control_test_results_one_original_key" ON "control_test_results" USING btree ("occurrence_id") WHERE "control_test_results"."supersedes_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "control_test_results_supersedes_key" ON "control_test_results" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "control_test_results_occurrence_idx" ON "control_test_results" USING btree ("occurrence_id","recorded_at");--> statement-breakpoint
CREATE INDEX "control_test_results_control_idx" ON "control_test_results" USING btree ("control_id","tested_on");--> statement-breakpoint
CREATE UNIQUE INDEX "controls_code_key" ON "controls" USING btree ("code");--> statement-breakpoint
CREATE INDEX "controls_owner_idx" ON "controls" USING btree ("owner_id");