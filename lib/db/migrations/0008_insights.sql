CREATE INDEX "capture_submissions_captured_idx" ON "capture_submissions" USING btree ("captured_at");--> statement-breakpoint
CREATE INDEX "audit_events_action_at_idx" ON "audit_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "lead_nps_entries_at_idx" ON "lead_nps_entries" USING btree ("at");--> statement-breakpoint
CREATE INDEX "lead_status_history_to_idx" ON "lead_status_history" USING btree ("lead_id","to_status","at");