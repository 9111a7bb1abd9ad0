CREATE TABLE "loyalty_code_changes" (
	"request_id" text PRIMARY KEY NOT NULL,
	"campaign_internal_id" text NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"store" text,
	"confirmed_status" text NOT NULL,
	"vendor_last_update" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_code_changes_status_check" CHECK ("loyalty_code_changes"."status" IN ('redeemed', 'blocked'))
);
--> statement-breakpoint
CREATE TABLE "loyalty_code_claims" (
	"key" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_lookup_counters" (
	"subject" text NOT NULL,
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "loyalty_lookup_counters_pk" PRIMARY KEY("subject","bucket","window_start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_code_changes_code_unique" ON "loyalty_code_changes" USING btree ("campaign_internal_id","code");--> statement-breakpoint
CREATE INDEX "loyalty_code_changes_created_idx" ON "loyalty_code_changes" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "loyalty_lookup_counters_window_idx" ON "loyalty_lookup_counters" USING btree ("window_start");