CREATE TABLE "import_run" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"counts" jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_run_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE INDEX "import_run_created_idx" ON "import_run" USING btree ("province_id","created_at");