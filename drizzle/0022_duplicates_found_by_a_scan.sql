CREATE TABLE "duplicate_candidate" (
	"province_id" smallint NOT NULL,
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"same_credit" boolean NOT NULL,
	"name_similarity" real NOT NULL,
	"address_similarity" real NOT NULL,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_candidate_pk" PRIMARY KEY("province_id","a_id","b_id")
);
--> statement-breakpoint
DROP INDEX "customer_name_trgm";--> statement-breakpoint
CREATE INDEX "duplicate_candidate_rank_idx" ON "duplicate_candidate" USING btree ("province_id","same_credit","name_similarity");