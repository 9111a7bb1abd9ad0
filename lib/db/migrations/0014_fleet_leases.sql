CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"owner" text NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_jobs" ADD COLUMN "claim_token" uuid;--> statement-breakpoint
ALTER TABLE "outbox_jobs" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lead_records" ADD COLUMN "sync_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_sync_state" ADD COLUMN "run_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_sync_state" ADD COLUMN "last_full_success_at" timestamp with time zone;