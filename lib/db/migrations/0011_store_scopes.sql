CREATE TABLE "staff_store_scopes" (
	"subject" text PRIMARY KEY NOT NULL,
	"all_stores" boolean DEFAULT false NOT NULL,
	"location_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assigned_by" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "all_stores" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "location_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;