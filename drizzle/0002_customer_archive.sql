CREATE SEQUENCE "public"."customer_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "contact" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"rank" text DEFAULT 'other' NOT NULL,
	"decision_role" text NOT NULL,
	"mobile" text,
	"email" text,
	"birthday" date,
	"interests" text,
	"relationship_strength" smallint,
	"last_contact_at" timestamp with time zone,
	"reports_to_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"credit_code" text,
	"industry_section" text,
	"industry_division" text,
	"address" text,
	"org_unit_id" uuid NOT NULL,
	"cluster" text,
	"cluster_type" text,
	"employees" integer,
	"handsets" integer,
	"parent_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"account_manager_id" uuid,
	"customer_engineer_id" uuid,
	"important" boolean DEFAULT false NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"grade" text,
	"value_tier" text,
	"market_segment" text,
	"smat_type" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_status_history" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_status_history_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "grade_history" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"rule_set_id" uuid,
	"rule_id" text,
	"reason" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grade_history_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "grading_rule_set" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"revision" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	CONSTRAINT "grading_rule_set_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "member" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"msisdn" text NOT NULL,
	"name" text,
	"payer" text DEFAULT 'member' NOT NULL,
	"authentic" boolean DEFAULT false NOT NULL,
	"verified_at" date,
	"joined_at" date NOT NULL,
	"left_at" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "revenue_fact" (
	"province_id" smallint NOT NULL,
	"customer_id" uuid NOT NULL,
	"month" date NOT NULL,
	"product_line" text NOT NULL,
	"group_paid_fen" bigint DEFAULT 0 NOT NULL,
	"member_paid_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "revenue_fact_pk" PRIMARY KEY("province_id","customer_id","month","product_line")
);
--> statement-breakpoint
ALTER TABLE "contact" ADD CONSTRAINT "contact_customer_fk" FOREIGN KEY ("province_id","customer_id") REFERENCES "public"."customer"("province_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member" ADD CONSTRAINT "member_customer_fk" FOREIGN KEY ("province_id","customer_id") REFERENCES "public"."customer"("province_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_customer_idx" ON "contact" USING btree ("province_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_code_unique_per_province" ON "customer" USING btree ("province_id","code");--> statement-breakpoint
CREATE INDEX "customer_credit_code_idx" ON "customer" USING btree ("province_id","credit_code");--> statement-breakpoint
CREATE INDEX "customer_org_unit_idx" ON "customer" USING btree ("province_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "customer_account_manager_idx" ON "customer" USING btree ("province_id","account_manager_id");--> statement-breakpoint
CREATE INDEX "customer_grade_idx" ON "customer" USING btree ("province_id","grade");--> statement-breakpoint
CREATE INDEX "customer_parent_idx" ON "customer" USING btree ("province_id","parent_id");--> statement-breakpoint
CREATE INDEX "customer_name_trgm" ON "customer" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_status_history_customer_idx" ON "customer_status_history" USING btree ("province_id","customer_id","changed_at");--> statement-breakpoint
CREATE INDEX "grade_history_customer_idx" ON "grade_history" USING btree ("province_id","customer_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "grading_rule_set_revision_unique_per_kind" ON "grading_rule_set" USING btree ("province_id","kind","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "grading_rule_set_one_active_per_kind" ON "grading_rule_set" USING btree ("province_id","kind") WHERE "grading_rule_set"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "member_msisdn_unique_while_in_group" ON "member" USING btree ("province_id","msisdn") WHERE "member"."left_at" is null;--> statement-breakpoint
CREATE INDEX "member_customer_idx" ON "member" USING btree ("province_id","customer_id");--> statement-breakpoint
CREATE INDEX "revenue_fact_month_idx" ON "revenue_fact" USING btree ("province_id","month");