DROP INDEX "audit_events_occurred_at_idx";--> statement-breakpoint
DROP INDEX "audit_events_actor_idx";--> statement-breakpoint
DROP INDEX "audit_events_type_idx";--> statement-breakpoint
DROP INDEX "audit_events_resource_idx";--> statement-breakpoint
DROP INDEX "audit_events_action_idx";--> statement-breakpoint
DROP INDEX "audit_events_outcome_idx";--> statement-breakpoint
CREATE INDEX "audit_events_time_idx" ON "audit_events" USING btree ("occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_type_time_idx" ON "audit_events" USING btree ("event_type","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_actor_time_idx" ON "audit_events" USING btree ("actor_user_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_api_key_time_idx" ON "audit_events" USING btree ("actor_api_key_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_resource_time_idx" ON "audit_events" USING btree ("resource_type","resource_id","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_action_time_idx" ON "audit_events" USING btree ("action","occurred_at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_outcome_time_idx" ON "audit_events" USING btree ("outcome","occurred_at","seq");