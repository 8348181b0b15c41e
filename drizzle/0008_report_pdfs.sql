CREATE TABLE "report_pdfs" (
	"report_id" integer NOT NULL,
	"document_hash" text NOT NULL,
	"notation" text,
	"pdf" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_pdfs_report_id_document_hash_pk" PRIMARY KEY("report_id","document_hash")
);
--> statement-breakpoint
ALTER TABLE "report_pdfs" ADD CONSTRAINT "report_pdfs_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;