CREATE TABLE "outlines" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"document_kind" text NOT NULL,
	"definition" jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"owner_unit_id" integer,
	"current" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_counters" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"number" integer NOT NULL,
	"symbol" text NOT NULL,
	"type_code" text NOT NULL,
	"issued_on" text NOT NULL,
	"subject" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_title" text NOT NULL,
	"recipients" text DEFAULT '' NOT NULL,
	"report_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"outline_id" integer NOT NULL,
	"outline_code" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_year" integer NOT NULL,
	"period_index" integer DEFAULT 0 NOT NULL,
	"period_key" text NOT NULL,
	"window_start" text NOT NULL,
	"window_end" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"register_entry_id" integer,
	"issued_document" jsonb,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "numbering_scheme" text DEFAULT 'single' NOT NULL;--> statement-breakpoint
ALTER TABLE "outlines" ADD CONSTRAINT "outlines_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outlines" ADD CONSTRAINT "outlines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_outline_id_outlines_id_fk" FOREIGN KEY ("outline_id") REFERENCES "public"."outlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outlines_code_version_key" ON "outlines" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "register_counters_key" ON "register_counters" USING btree ("unit_id","year","series");--> statement-breakpoint
CREATE UNIQUE INDEX "register_entries_number_key" ON "register_entries" USING btree ("unit_id","year","series","number");--> statement-breakpoint
CREATE UNIQUE INDEX "register_entries_notation_key" ON "register_entries" USING btree ("unit_id","year","number","symbol");--> statement-breakpoint
CREATE INDEX "register_entries_unit_year_idx" ON "register_entries" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_unit_outline_period_key" ON "reports" USING btree ("unit_id","outline_code","period_key");--> statement-breakpoint
CREATE INDEX "reports_unit_idx" ON "reports" USING btree ("unit_id");