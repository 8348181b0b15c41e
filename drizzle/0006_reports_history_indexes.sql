DROP INDEX "reports_round_idx";--> statement-breakpoint
CREATE INDEX "reports_round_unit_idx" ON "reports" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE INDEX "reports_outline_period_idx" ON "reports" USING btree ("outline_code","period_key");