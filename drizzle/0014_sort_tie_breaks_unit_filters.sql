DROP INDEX "customer_org_unit_idx";--> statement-breakpoint
DROP INDEX "customer_name_idx";--> statement-breakpoint
DROP INDEX "customer_updated_idx";--> statement-breakpoint
DROP INDEX "customer_handsets_idx";--> statement-breakpoint
CREATE INDEX "customer_org_unit_idx" ON "customer" USING btree ("province_id","org_unit_id","merged_into_id","grade","status","market_segment","value_tier");--> statement-breakpoint
CREATE INDEX "customer_name_idx" ON "customer" USING btree ("province_id","name","id");--> statement-breakpoint
CREATE INDEX "customer_updated_idx" ON "customer" USING btree ("province_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "customer_handsets_idx" ON "customer" USING btree ("province_id","handsets" desc nulls last,"id");