ALTER TABLE "audit_events" drop column "event_id";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "event_id" uuid GENERATED ALWAYS AS ((canonical::json #>> '{id}')::uuid) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "occurred_at";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "occurred_at" timestamp with time zone GENERATED ALWAYS AS (audit_event_time(canonical)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "event_type";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "event_type" text GENERATED ALWAYS AS ((canonical::json #>> '{type}')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "actor_user_id";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_user_id" uuid GENERATED ALWAYS AS ((canonical::json #>> '{actor,userId}')::uuid) STORED;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "actor_api_key_id";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_api_key_id" uuid GENERATED ALWAYS AS ((canonical::json #>> '{actor,apiKeyId}')::uuid) STORED;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "actor_ip";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_ip" text GENERATED ALWAYS AS ((canonical::json #>> '{actor,ip}')) STORED;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "actor_user_agent";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_user_agent" text GENERATED ALWAYS AS ((canonical::json #>> '{actor,userAgent}')) STORED;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "actor_session_id";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "actor_session_id" text GENERATED ALWAYS AS ((canonical::json #>> '{actor,sessionId}')) STORED;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "resource_type";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "resource_type" text GENERATED ALWAYS AS ((canonical::json #>> '{resource,type}')) STORED;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "resource_id";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "resource_id" text GENERATED ALWAYS AS ((canonical::json #>> '{resource,id}')) STORED;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "action";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "action" text GENERATED ALWAYS AS ((canonical::json #>> '{action}')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "outcome";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "outcome" text GENERATED ALWAYS AS ((canonical::json #>> '{outcome}')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" drop column "metadata";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "metadata" jsonb GENERATED ALWAYS AS (coalesce((canonical::json -> 'metadata')::jsonb, '{}'::jsonb)) STORED NOT NULL;--> statement-breakpoint
-- Dropping the columns above dropped their indexes; the schema still declares them.
CREATE UNIQUE INDEX "audit_events_event_id_key" ON "audit_events" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "audit_events_time_idx" ON "audit_events" USING btree ("occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_type_time_idx" ON "audit_events" USING btree ("event_type","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_actor_time_idx" ON "audit_events" USING btree ("actor_user_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_api_key_time_idx" ON "audit_events" USING btree ("actor_api_key_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_resource_time_idx" ON "audit_events" USING btree ("resource_type","resource_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_action_time_idx" ON "audit_events" USING btree ("action","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_outcome_time_idx" ON "audit_events" USING btree ("outcome","occurred_at","seq");
