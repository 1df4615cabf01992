CREATE TABLE "key_account" (
	"province_id" smallint NOT NULL,
	"year" smallint NOT NULL,
	"customer_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"spend_fen" bigint NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_account_pk" PRIMARY KEY("province_id","year","customer_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "key_account_rank_unique_per_year" ON "key_account" USING btree ("province_id","year","rank");