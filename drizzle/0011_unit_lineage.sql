CREATE TABLE "unit_lineage" (
	"id" serial PRIMARY KEY NOT NULL,
	"successor_id" integer NOT NULL,
	"former_id" integer NOT NULL,
	"former_name" text NOT NULL,
	"former_kind" text NOT NULL,
	"effective_on" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_successor_id_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_former_id_units_id_fk" FOREIGN KEY ("former_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_lineage" ADD CONSTRAINT "unit_lineage_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_lineage_successor_former_key" ON "unit_lineage" USING btree ("successor_id","former_id");--> statement-breakpoint
CREATE INDEX "unit_lineage_former_idx" ON "unit_lineage" USING btree ("former_id");