CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_pseudonym" text NOT NULL,
	"consent_type" text NOT NULL,
	"status" text NOT NULL,
	"purposes" text[] NOT NULL,
	"policy_version" text NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"recorded_by_api_key" uuid,
	CONSTRAINT "consent_records_pseudonym" CHECK ("consent_records"."subject_pseudonym" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "consent_records_status" CHECK ("consent_records"."status" in ('granted','refused','withdrawn')),
	CONSTRAINT "consent_records_source" CHECK ("consent_records"."source" in ('ui','api','import','seed')),
	CONSTRAINT "consent_records_purposes" CHECK (cardinality("consent_records"."purposes") > 0)
);
--> statement-breakpoint
CREATE TABLE "data_subject_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_pseudonym" text,
	"type" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assignee_id" uuid,
	"completed_at" timestamp with time zone,
	"resolution" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_subject_requests_pseudonym" CHECK ("data_subject_requests"."subject_pseudonym" is null or "data_subject_requests"."subject_pseudonym" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "data_subject_requests_type" CHECK ("data_subject_requests"."type" in ('access','rectification','deletion','portability','consent_withdrawal')),
	CONSTRAINT "data_subject_requests_status" CHECK ("data_subject_requests"."status" in ('open','in_progress','completed','rejected'))
);
--> statement-breakpoint
CREATE TABLE "privacy_purposes" (
	"key" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"allowed_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processing_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"data_categories" text[] NOT NULL,
	"legal_basis" text NOT NULL,
	"retention_days" integer NOT NULL,
	"recipients" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processing_activities_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_recorded_by_api_key_api_keys_id_fk" FOREIGN KEY ("recorded_by_api_key") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_activities" ADD CONSTRAINT "processing_activities_purpose_privacy_purposes_key_fk" FOREIGN KEY ("purpose") REFERENCES "public"."privacy_purposes"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_subject_idx" ON "consent_records" USING btree ("subject_pseudonym","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "consent_records_expires_idx" ON "consent_records" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "data_subject_requests_subject_idx" ON "data_subject_requests" USING btree ("subject_pseudonym");