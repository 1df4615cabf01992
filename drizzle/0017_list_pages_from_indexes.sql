DROP INDEX "member_customer_idx";--> statement-breakpoint
CREATE INDEX "customer_unit_name_idx" ON "customer" USING btree ("province_id","org_unit_id","merged_into_id","name","id");--> statement-breakpoint
CREATE INDEX "member_customer_idx" ON "member" USING btree ("province_id","customer_id","left_at","payer","authentic");