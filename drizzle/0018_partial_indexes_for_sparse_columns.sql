DROP INDEX "customer_credit_code_idx";--> statement-breakpoint
DROP INDEX "customer_engineer_idx";--> statement-breakpoint
DROP INDEX "customer_parent_idx";--> statement-breakpoint
CREATE INDEX "customer_credit_code_idx" ON "customer" USING btree ("province_id","credit_code") WHERE "customer"."credit_code" is not null;--> statement-breakpoint
CREATE INDEX "customer_engineer_idx" ON "customer" USING btree ("province_id","customer_engineer_id") WHERE "customer"."customer_engineer_id" is not null;--> statement-breakpoint
CREATE INDEX "customer_parent_idx" ON "customer" USING btree ("province_id","parent_id") WHERE "customer"."parent_id" is not null;