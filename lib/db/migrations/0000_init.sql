CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"outcome" text NOT NULL,
	"detail" jsonb,
	"store" text,
	CONSTRAINT "audit_events_outcome_check" CHECK ("audit_events"."outcome" IN ('success', 'failure', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "outbox_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"result" jsonb,
	"locked_by" text,
	"locked_at" timestamp with time zone,
	"subject" text,
	"correlation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_jobs_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "outbox_jobs_status_check" CHECK ("outbox_jobs"."status" IN ('queued', 'running', 'done', 'dead')),
	CONSTRAINT "outbox_jobs_attempts_check" CHECK ("outbox_jobs"."attempts" >= 0 AND "outbox_jobs"."max_attempts" >= 1)
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"subject" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"assigned_by" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_role_check" CHECK ("role_assignments"."role" IN ('hostess', 'manager', 'support', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "staff_members" (
	"subject" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"display_name" text NOT NULL,
	"username" text,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "staff_members_kind_check" CHECK ("staff_members"."kind" IN ('hostess', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"kind" text NOT NULL,
	"display_name" text NOT NULL,
	"username" text,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"device" text,
	"sealed_token" text NOT NULL,
	"token_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	CONSTRAINT "staff_sessions_kind_check" CHECK ("staff_sessions"."kind" IN ('hostess', 'staff'))
);
--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action");--> statement-breakpoint
CREATE INDEX "outbox_jobs_claim_idx" ON "outbox_jobs" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_jobs_running_lock_idx" ON "outbox_jobs" USING btree ("locked_at") WHERE "outbox_jobs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "outbox_jobs_kind_idx" ON "outbox_jobs" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "outbox_jobs_correlation_idx" ON "outbox_jobs" USING btree ("correlation");--> statement-breakpoint
CREATE INDEX "outbox_jobs_subject_idx" ON "outbox_jobs" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "staff_sessions_subject_idx" ON "staff_sessions" USING btree ("subject");