CREATE TABLE "customer_merge" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"moved" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "customer_merge_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
CREATE INDEX "customer_merge_survivor_idx" ON "customer_merge" USING btree ("province_id","survivor_id");--> statement-breakpoint
CREATE INDEX "customer_merge_merged_idx" ON "customer_merge" USING btree ("province_id","merged_id");