CREATE TABLE "capture_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"hostess_subject" text NOT NULL,
	"hostess_name" text NOT NULL,
	"display_name" text NOT NULL,
	"email_normalized" text,
	"phone_normalized" text,
	"payload" jsonb NOT NULL,
	"consent" jsonb NOT NULL,
	"consent_wording_version" text NOT NULL,
	"location_id" text,
	"sync_state" text DEFAULT 'waiting' NOT NULL,
	"footprints_lead_id" text,
	"failure_reason" text,
	"outbox_job_id" uuid,
	"captured_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "capture_submissions_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "capture_submissions_sync_state_check" CHECK ("capture_submissions"."sync_state" IN ('waiting', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "capture_submissions_hostess_idx" ON "capture_submissions" USING btree ("hostess_subject","created_at");--> statement-breakpoint
CREATE INDEX "capture_submissions_email_idx" ON "capture_submissions" USING btree ("email_normalized","created_at");--> statement-breakpoint
CREATE INDEX "capture_submissions_phone_idx" ON "capture_submissions" USING btree ("phone_normalized","created_at");--> statement-breakpoint
CREATE INDEX "capture_submissions_lead_idx" ON "capture_submissions" USING btree ("footprints_lead_id");