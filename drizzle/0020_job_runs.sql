CREATE TABLE "job_run" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"permission" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor" jsonb NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_run_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE INDEX "job_run_recent_idx" ON "job_run" USING btree ("province_id","created_at");--> statement-breakpoint
CREATE INDEX "job_run_open_idx" ON "job_run" USING btree ("province_id","kind") WHERE status in ('queued', 'running');