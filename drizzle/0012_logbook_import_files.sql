ALTER TABLE "logbook_imports" ADD COLUMN "file_hash" text;--> statement-breakpoint
ALTER TABLE "logbook_imports" ADD COLUMN "source" "bytea";--> statement-breakpoint
ALTER TABLE "logbook_imports" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "logbook_imports" ADD COLUMN "started_at" timestamp with time zone;