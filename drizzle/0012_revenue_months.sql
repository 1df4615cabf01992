CREATE TABLE "revenue_month" (
	"province_id" smallint NOT NULL,
	"month" date NOT NULL,
	"row_count" integer NOT NULL,
	"customer_count" integer NOT NULL,
	"group_paid_fen" bigint NOT NULL,
	"member_paid_fen" bigint NOT NULL,
	"source" text NOT NULL,
	"import_run_id" uuid,
	"loaded_by" uuid,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revenue_month_pk" PRIMARY KEY("province_id","month")
);
