CREATE TABLE "console_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	"locked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sign_in_throttle_blocked_idx" ON "sign_in_throttle" USING btree ("blocked_until");