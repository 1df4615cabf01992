CREATE TABLE "customer_assignment_history" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_account_manager_id" uuid,
	"to_account_manager_id" uuid,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_assignment_history_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE INDEX "customer_assignment_history_customer_idx" ON "customer_assignment_history" USING btree ("province_id","customer_id","changed_at");