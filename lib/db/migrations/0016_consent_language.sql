ALTER TABLE "capture_submissions" ADD COLUMN "consent_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- Proofs stored before the consent had languages were read in English.
UPDATE "capture_submissions" SET "consent" = "consent" || '{"language":"en"}'::jsonb WHERE NOT ("consent" ? 'language');
