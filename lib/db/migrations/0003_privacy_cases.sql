-- Edited after generation: drizzle-kit qualified the two foreign keys with "public"; unqualified, they resolve
-- through search_path like every other statement here, so the migration also runs in a per-test schema.
CREATE TABLE "privacy_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"subject_email" text,
	"subject_phone" text,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_cases_reference_unique" UNIQUE("reference"),
	CONSTRAINT "privacy_cases_status_check" CHECK ("privacy_cases"."status" IN ('open', 'in_progress', 'answered', 'closed')),
	CONSTRAINT "privacy_cases_subject_check" CHECK ("privacy_cases"."subject_email" IS NOT NULL OR "privacy_cases"."subject_phone" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "privacy_lookup_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lookup_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"seq" integer NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"state" text DEFAULT 'never_asked' NOT NULL,
	"activity_count" integer,
	"counts_by_type" jsonb,
	"failure_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"asked_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"asked_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_lookup_windows_slot_unique" UNIQUE("lookup_id","channel","seq"),
	CONSTRAINT "privacy_lookup_windows_state_check" CHECK ("privacy_lookup_windows"."state" IN ('never_asked', 'pending', 'answered', 'failed')),
	CONSTRAINT "privacy_lookup_windows_channel_check" CHECK ("privacy_lookup_windows"."channel" IN ('email', 'sms'))
);
--> statement-breakpoint
CREATE TABLE "privacy_lookups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"channels" jsonb NOT NULL,
	"mode" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"exported_at" timestamp with time zone,
	"exported_by" text,
	CONSTRAINT "privacy_lookups_mode_check" CHECK ("privacy_lookups"."mode" IN ('single', 'split'))
);
--> statement-breakpoint
ALTER TABLE "privacy_lookup_windows" ADD CONSTRAINT "privacy_lookup_windows_lookup_id_privacy_lookups_id_fk" FOREIGN KEY ("lookup_id") REFERENCES "privacy_lookups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_lookups" ADD CONSTRAINT "privacy_lookups_case_id_privacy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "privacy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_cases_status_idx" ON "privacy_cases" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "privacy_lookups_case_idx" ON "privacy_lookups" USING btree ("case_id","created_at");