CREATE TABLE "customer_revenue_year" (
	"province_id" smallint NOT NULL,
	"customer_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"group_paid_fen" bigint DEFAULT 0 NOT NULL,
	"member_paid_fen" bigint DEFAULT 0 NOT NULL,
	"total_fen" bigint GENERATED ALWAYS AS (group_paid_fen + member_paid_fen) STORED NOT NULL,
	CONSTRAINT "customer_revenue_year_pk" PRIMARY KEY("province_id","customer_id","year")
);
--> statement-breakpoint
DROP INDEX "customer_org_unit_idx";--> statement-breakpoint
DROP INDEX "customer_account_manager_idx";--> statement-breakpoint
DROP INDEX "customer_grade_idx";--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (search_grams(name || ' ' || coalesce(short_name, ''))) STORED;--> statement-breakpoint
CREATE INDEX "customer_engineer_idx" ON "customer" USING btree ("province_id","customer_engineer_id");--> statement-breakpoint
CREATE INDEX "customer_status_idx" ON "customer" USING btree ("province_id","status","merged_into_id");--> statement-breakpoint
CREATE INDEX "customer_segment_idx" ON "customer" USING btree ("province_id","market_segment","merged_into_id");--> statement-breakpoint
CREATE INDEX "customer_value_tier_idx" ON "customer" USING btree ("province_id","value_tier","merged_into_id");--> statement-breakpoint
CREATE INDEX "customer_name_idx" ON "customer" USING btree ("province_id","name");--> statement-breakpoint
CREATE INDEX "customer_updated_idx" ON "customer" USING btree ("province_id","updated_at");--> statement-breakpoint
CREATE INDEX "customer_handsets_idx" ON "customer" USING btree ("province_id","handsets" desc nulls last);--> statement-breakpoint
CREATE INDEX "customer_search_grams" ON "customer" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "customer_org_unit_idx" ON "customer" USING btree ("province_id","org_unit_id","merged_into_id");--> statement-breakpoint
CREATE INDEX "customer_account_manager_idx" ON "customer" USING btree ("province_id","account_manager_id","merged_into_id");--> statement-breakpoint
CREATE INDEX "customer_grade_idx" ON "customer" USING btree ("province_id","grade","merged_into_id");