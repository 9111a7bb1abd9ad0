ALTER TABLE "capture_submissions" DROP CONSTRAINT "capture_submissions_sync_state_check";--> statement-breakpoint
ALTER TABLE "outbox_jobs" DROP CONSTRAINT "outbox_jobs_status_check";--> statement-breakpoint
ALTER TABLE "capture_submissions" ADD COLUMN "add_lead_posted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "capture_submissions" ADD CONSTRAINT "capture_submissions_sync_state_check" CHECK ("capture_submissions"."sync_state" IN ('waiting', 'sent', 'failed', 'checking'));--> statement-breakpoint
ALTER TABLE "outbox_jobs" ADD CONSTRAINT "outbox_jobs_status_check" CHECK ("outbox_jobs"."status" IN ('queued', 'running', 'done', 'dead', 'needs_person'));