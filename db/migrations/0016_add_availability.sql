CREATE TABLE "availability_daily" (
	"service_id" uuid NOT NULL,
	"healthy" integer DEFAULT 0 NOT NULL,
	"degraded" integer DEFAULT 0 NOT NULL,
	"down" integer DEFAULT 0 NOT NULL,
	"maintenance" integer DEFAULT 0 NOT NULL,
	"latency_sum" bigint DEFAULT 0 NOT NULL,
	"latency_count" integer DEFAULT 0 NOT NULL,
	"latency_hist" integer[] NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "availability_daily_service_id_day_pk" PRIMARY KEY("service_id","day")
);
--> statement-breakpoint
CREATE TABLE "availability_hourly" (
	"service_id" uuid NOT NULL,
	"healthy" integer DEFAULT 0 NOT NULL,
	"degraded" integer DEFAULT 0 NOT NULL,
	"down" integer DEFAULT 0 NOT NULL,
	"maintenance" integer DEFAULT 0 NOT NULL,
	"latency_sum" bigint DEFAULT 0 NOT NULL,
	"latency_count" integer DEFAULT 0 NOT NULL,
	"latency_hist" integer[] NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	CONSTRAINT "availability_hourly_service_id_hour_pk" PRIMARY KEY("service_id","hour")
);
--> statement-breakpoint
CREATE TABLE "availability_incident_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"api_key_id" uuid,
	CONSTRAINT "availability_incident_updates_kind" CHECK ("availability_incident_updates"."kind" in ('detected','opened','acknowledged','update','resolved','recovered'))
);
--> statement-breakpoint
CREATE TABLE "availability_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"source" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"root_cause" text,
	"postmortem_url" text,
	"created_by" uuid,
	CONSTRAINT "availability_incidents_severity" CHECK ("availability_incidents"."severity" in ('sev1','sev2','sev3','sev4')),
	CONSTRAINT "availability_incidents_source" CHECK ("availability_incidents"."source" in ('auto','manual')),
	CONSTRAINT "availability_incidents_order" CHECK ("availability_incidents"."detected_at" >= "availability_incidents"."started_at" and ("availability_incidents"."resolved_at" is null or "availability_incidents"."resolved_at" >= "availability_incidents"."started_at")),
	CONSTRAINT "availability_incidents_ack" CHECK (("availability_incidents"."acknowledged_at" is null) = ("availability_incidents"."acknowledged_by" is null)),
	CONSTRAINT "availability_incidents_postmortem" CHECK ("availability_incidents"."postmortem_url" is null or "availability_incidents"."postmortem_url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "availability_maintenance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_maintenance_range" CHECK ("availability_maintenance"."ends_at" > "availability_maintenance"."starts_at" and "availability_maintenance"."ends_at" <= "availability_maintenance"."starts_at" + interval '7 days')
);
--> statement-breakpoint
CREATE TABLE "availability_samples" (
	"service_id" uuid NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"latency_ms" integer,
	"details" jsonb,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_samples_service_id_observed_at_pk" PRIMARY KEY("service_id","observed_at"),
	CONSTRAINT "availability_samples_status" CHECK ("availability_samples"."status" in ('healthy','degraded','down')),
	CONSTRAINT "availability_samples_source" CHECK ("availability_samples"."source" in ('probe','push','seed')),
	CONSTRAINT "availability_samples_latency" CHECK ("availability_samples"."latency_ms" is null or "availability_samples"."latency_ms" between 0 and 3600000)
);
--> statement-breakpoint
CREATE TABLE "availability_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"weight" numeric(4, 3) NOT NULL,
	"sla_target" numeric(6, 3) DEFAULT 99.9 NOT NULL,
	"health_url" text,
	"interval_seconds" integer DEFAULT 30 NOT NULL,
	"timeout_ms" integer DEFAULT 5000 NOT NULL,
	"degraded_latency_ms" integer DEFAULT 100 NOT NULL,
	"failures_to_open" smallint DEFAULT 3 NOT NULL,
	"successes_to_resolve" smallint DEFAULT 2 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_probe_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sample_at" timestamp with time zone,
	"last_status" text,
	"streak_since" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"consecutive_successes" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_services_key_format" CHECK ("availability_services"."key" ~ '^[a-z][a-z0-9_]{1,62}$'),
	CONSTRAINT "availability_services_weight" CHECK ("availability_services"."weight" >= 0 and "availability_services"."weight" <= 1),
	CONSTRAINT "availability_services_sla" CHECK ("availability_services"."sla_target" > 0 and "availability_services"."sla_target" <= 100),
	CONSTRAINT "availability_services_interval" CHECK ("availability_services"."interval_seconds" between 5 and 3600),
	CONSTRAINT "availability_services_timeout" CHECK ("availability_services"."timeout_ms" between 100 and 60000),
	CONSTRAINT "availability_services_degraded" CHECK ("availability_services"."degraded_latency_ms" between 1 and 60000),
	CONSTRAINT "availability_services_thresholds" CHECK ("availability_services"."failures_to_open" between 1 and 100 and "availability_services"."successes_to_resolve" between 1 and 100),
	CONSTRAINT "availability_services_url" CHECK ("availability_services"."health_url" is null or "availability_services"."health_url" ~ '^(https?://|/)'),
	CONSTRAINT "availability_services_last_status" CHECK ("availability_services"."last_status" is null or "availability_services"."last_status" in ('healthy','degraded','down'))
);
--> statement-breakpoint
CREATE TABLE "availability_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"raw_retention_days" integer DEFAULT 35 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "availability_settings_single" CHECK ("availability_settings"."id" = 1),
	CONSTRAINT "availability_settings_retention" CHECK ("availability_settings"."raw_retention_days" between 7 and 3650)
);
--> statement-breakpoint
ALTER TABLE "availability_daily" ADD CONSTRAINT "availability_daily_service_id_availability_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."availability_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_hourly" ADD CONSTRAINT "availability_hourly_service_id_availability_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."availability_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_incident_updates" ADD CONSTRAINT "availability_incident_updates_incident_id_availability_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."availability_incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_incident_updates" ADD CONSTRAINT "availability_incident_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_incident_updates" ADD CONSTRAINT "availability_incident_updates_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_incidents" ADD CONSTRAINT "availability_incidents_service_id_availability_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."availability_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_incidents" ADD CONSTRAINT "availability_incidents_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_incidents" ADD CONSTRAINT "availability_incidents_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_incidents" ADD CONSTRAINT "availability_incidents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_maintenance" ADD CONSTRAINT "availability_maintenance_service_id_availability_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."availability_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_maintenance" ADD CONSTRAINT "availability_maintenance_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_samples" ADD CONSTRAINT "availability_samples_service_id_availability_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."availability_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_settings" ADD CONSTRAINT "availability_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "availability_incident_updates_incident_idx" ON "availability_incident_updates" USING btree ("incident_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "availability_incidents_one_open" ON "availability_incidents" USING btree ("service_id") WHERE "availability_incidents"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "availability_incidents_started_idx" ON "availability_incidents" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "availability_incidents_service_idx" ON "availability_incidents" USING btree ("service_id","started_at");--> statement-breakpoint
CREATE INDEX "availability_maintenance_range_idx" ON "availability_maintenance" USING btree ("starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "availability_samples_observed_idx" ON "availability_samples" USING btree ("observed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "availability_services_key" ON "availability_services" USING btree ("key");--> statement-breakpoint
CREATE INDEX "availability_services_due_idx" ON "availability_services" USING btree ("next_probe_at") WHERE "availability_services"."enabled";