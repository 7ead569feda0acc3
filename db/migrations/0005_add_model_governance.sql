CREATE TABLE "approval_policies" (
	"to_status" text PRIMARY KEY NOT NULL,
	"required_roles" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "approval_policies_to_status" CHECK ("approval_policies"."to_status" in ('testing','staging','production','deprecated','retired')),
	CONSTRAINT "approval_policies_roles" CHECK (cardinality("approval_policies"."required_roles") between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "model_metric_thresholds" (
	"model_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"op" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "model_metric_thresholds_model_id_metric_pk" PRIMARY KEY("model_id","metric"),
	CONSTRAINT "model_metric_thresholds_op" CHECK ("model_metric_thresholds"."op" in ('gte','lte'))
);
--> statement-breakpoint
CREATE TABLE "model_version_metrics" (
	"version_id" uuid NOT NULL,
	"name" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "model_version_metrics_version_id_name_pk" PRIMARY KEY("version_id","name")
);
--> statement-breakpoint
CREATE TABLE "model_version_transitions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "model_version_transitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"model_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"request_id" uuid,
	"cause" text NOT NULL,
	"artifact_digest" text NOT NULL,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_version_transitions_cause" CHECK ("model_version_transitions"."cause" in ('registered','promoted','superseded')),
	CONSTRAINT "model_version_transitions_to_status" CHECK ("model_version_transitions"."to_status" in ('development','testing','staging','production','deprecated','retired')),
	CONSTRAINT "model_version_transitions_request" CHECK (("model_version_transitions"."cause" = 'registered') = ("model_version_transitions"."request_id" is null))
);
--> statement-breakpoint
CREATE TABLE "model_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"version" text NOT NULL,
	"status" text DEFAULT 'development' NOT NULL,
	"training_data_hash" text NOT NULL,
	"artifact_uri" text NOT NULL,
	"artifact_digest" text NOT NULL,
	"intended_use" text DEFAULT '' NOT NULL,
	"limitations" text DEFAULT '' NOT NULL,
	"known_biases" text DEFAULT '' NOT NULL,
	"risk_tier" text,
	"registered_by" uuid,
	"registered_by_api_key" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "model_versions_status" CHECK ("model_versions"."status" in ('development','testing','staging','production','deprecated','retired')),
	CONSTRAINT "model_versions_risk_tier" CHECK ("model_versions"."risk_tier" is null or "model_versions"."risk_tier" in ('low','medium','high')),
	CONSTRAINT "model_versions_artifact_digest" CHECK ("model_versions"."artifact_digest" ~ '^sha256:[0-9a-f]{64}$'),
	CONSTRAINT "model_versions_training_data_hash" CHECK ("model_versions"."training_data_hash" ~ '^sha256:[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"decided_by" uuid NOT NULL,
	"decision" text NOT NULL,
	"role" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"artifact_digest" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	CONSTRAINT "promotion_decisions_decision" CHECK ("promotion_decisions"."decision" in ('approve','reject')),
	CONSTRAINT "promotion_decisions_reject_comment" CHECK ("promotion_decisions"."decision" = 'approve' or length(btrim("promotion_decisions"."comment")) > 0)
);
--> statement-breakpoint
CREATE TABLE "promotion_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"required_roles" text[] NOT NULL,
	"artifact_digest" text NOT NULL,
	"justification" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"close_reason" text,
	CONSTRAINT "promotion_requests_status" CHECK ("promotion_requests"."status" in ('open','approved','rejected','cancelled')),
	CONSTRAINT "promotion_requests_to_status" CHECK ("promotion_requests"."to_status" in ('testing','staging','production','deprecated','retired')),
	CONSTRAINT "promotion_requests_closed" CHECK (("promotion_requests"."status" = 'open') = ("promotion_requests"."closed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "approval_policies" ADD CONSTRAINT "approval_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_metric_thresholds" ADD CONSTRAINT "model_metric_thresholds_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_metrics" ADD CONSTRAINT "model_version_metrics_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_transitions" ADD CONSTRAINT "model_version_transitions_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_transitions" ADD CONSTRAINT "model_version_transitions_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_transitions" ADD CONSTRAINT "model_version_transitions_request_id_promotion_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."promotion_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_transitions" ADD CONSTRAINT "model_version_transitions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_version_transitions" ADD CONSTRAINT "model_version_transitions_actor_api_key_id_api_keys_id_fk" FOREIGN KEY ("actor_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_registered_by_api_key_api_keys_id_fk" FOREIGN KEY ("registered_by_api_key") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_decisions" ADD CONSTRAINT "promotion_decisions_request_id_promotion_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."promotion_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_decisions" ADD CONSTRAINT "promotion_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_version_id_model_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."model_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "model_version_transitions_model_to_time_idx" ON "model_version_transitions" USING btree ("model_id","to_status","occurred_at");--> statement-breakpoint
CREATE INDEX "model_version_transitions_model_time_idx" ON "model_version_transitions" USING btree ("model_id","occurred_at");--> statement-breakpoint
CREATE INDEX "model_version_transitions_version_time_idx" ON "model_version_transitions" USING btree ("version_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_model_version_key" ON "model_versions" USING btree ("model_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "model_versions_one_production_key" ON "model_versions" USING btree ("model_id") WHERE "model_versions"."status" = 'production';--> statement-breakpoint
CREATE INDEX "model_versions_model_created_idx" ON "model_versions" USING btree ("model_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "models_key_key" ON "models" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_decisions_one_per_person_key" ON "promotion_decisions" USING btree ("request_id","decided_by") WHERE "promotion_decisions"."voided_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_decisions_one_per_role_key" ON "promotion_decisions" USING btree ("request_id","role") WHERE "promotion_decisions"."voided_at" is null and "promotion_decisions"."decision" = 'approve';--> statement-breakpoint
CREATE INDEX "promotion_decisions_request_idx" ON "promotion_decisions" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "promotion_decisions_decider_idx" ON "promotion_decisions" USING btree ("decided_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_requests_one_open_key" ON "promotion_requests" USING btree ("version_id") WHERE "promotion_requests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "promotion_requests_open_idx" ON "promotion_requests" USING btree ("created_at") WHERE "promotion_requests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "promotion_requests_version_idx" ON "promotion_requests" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "promotion_requests_model_idx" ON "promotion_requests" USING btree ("model_id","created_at");--> statement-breakpoint
CREATE INDEX "promotion_requests_closed_idx" ON "promotion_requests" USING btree ("closed_at");