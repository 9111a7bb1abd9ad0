CREATE TABLE "lead_catalogue" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "lead_catalogue_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "lead_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" text NOT NULL,
	"document_type" text NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"lead_action_id" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_nps_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lead_id" text NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"actor_id" text,
	"actor_name" text
);
--> statement-breakpoint
CREATE TABLE "lead_records" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"email" text,
	"phone" text,
	"search_text" text DEFAULT '' NOT NULL,
	"location_id" text,
	"offer_category_id" text,
	"offer_category_name" text,
	"offer_id" text,
	"offer_name" text,
	"offer_price" double precision,
	"consultant_id" text,
	"consultant_name" text,
	"channel_id" text,
	"sku_id" text,
	"sku_name" text,
	"sku_external_id" text,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contract_number" text,
	"contract_value" text,
	"contract_date" text,
	"contract_description" text,
	"reason_lost" text,
	"lost_comment" text,
	"nps" integer,
	"vendor_created_at" timestamp with time zone NOT NULL,
	"vendor_updated_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone,
	"raw" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_records_status_check" CHECK ("lead_records"."status" IN ('prospect', 'lead', 'sale_lead', 'opportunity', 'customer', 'lost'))
);
--> statement-breakpoint
CREATE TABLE "lead_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lead_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"actor_id" text,
	"actor_name" text
);
--> statement-breakpoint
CREATE TABLE "lead_sync_state" (
	"key" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"range_start" text,
	"range_end" text,
	"lead_count" integer,
	"trigger" text
);
--> statement-breakpoint
CREATE INDEX "lead_documents_lead_idx" ON "lead_documents" USING btree ("lead_id","document_type");--> statement-breakpoint
CREATE INDEX "lead_nps_entries_lead_idx" ON "lead_nps_entries" USING btree ("lead_id","at");--> statement-breakpoint
CREATE INDEX "lead_records_created_idx" ON "lead_records" USING btree ("vendor_created_at");--> statement-breakpoint
CREATE INDEX "lead_records_status_created_idx" ON "lead_records" USING btree ("status","vendor_created_at");--> statement-breakpoint
CREATE INDEX "lead_records_location_idx" ON "lead_records" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "lead_records_consultant_idx" ON "lead_records" USING btree ("consultant_id");--> statement-breakpoint
CREATE INDEX "lead_records_offer_idx" ON "lead_records" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "lead_status_history_lead_idx" ON "lead_status_history" USING btree ("lead_id","at");