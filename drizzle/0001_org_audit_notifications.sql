CREATE TABLE "audit_event" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"source" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text,
	CONSTRAINT "audit_event_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notification_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"username" text NOT NULL,
	"name" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"phone" text,
	"email" text,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"locale" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_unit" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"path" "ltree" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_unit_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "role" (
	"province_id" smallint NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_pk" PRIMARY KEY("province_id","code")
);
--> statement-breakpoint
CREATE TABLE "role_permission" (
	"province_id" smallint NOT NULL,
	"role_code" text NOT NULL,
	"permission" text NOT NULL,
	CONSTRAINT "role_permission_pk" PRIMARY KEY("province_id","role_code","permission")
);
--> statement-breakpoint
CREATE TABLE "user_role" (
	"province_id" smallint NOT NULL,
	"user_id" uuid NOT NULL,
	"role_code" text NOT NULL,
	CONSTRAINT "user_role_pk" PRIMARY KEY("province_id","user_id","role_code")
);
--> statement-breakpoint
CREATE TABLE "user_session" (
	"province_id" smallint NOT NULL,
	"id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "user_session_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_org_unit_fk" FOREIGN KEY ("province_id","org_unit_id") REFERENCES "public"."org_unit"("province_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_permission" ADD CONSTRAINT "role_permission_role_fk" FOREIGN KEY ("province_id","role_code") REFERENCES "public"."role"("province_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_user_fk" FOREIGN KEY ("province_id","user_id") REFERENCES "public"."app_user"("province_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_role_fk" FOREIGN KEY ("province_id","role_code") REFERENCES "public"."role"("province_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_fk" FOREIGN KEY ("province_id","user_id") REFERENCES "public"."app_user"("province_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_at_idx" ON "audit_event" USING btree ("province_id","at");--> statement-breakpoint
CREATE INDEX "audit_event_actor_idx" ON "audit_event" USING btree ("province_id","actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_event_entity_idx" ON "audit_event" USING btree ("province_id","entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "notification_inbox_idx" ON "notification" USING btree ("province_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "username_unique_per_province" ON "app_user" USING btree ("province_id",lower("username"));--> statement-breakpoint
CREATE INDEX "app_user_username_idx" ON "app_user" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "app_user_org_unit_idx" ON "app_user" USING btree ("province_id","org_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_unit_code_unique_per_province" ON "org_unit" USING btree ("province_id","code");--> statement-breakpoint
CREATE INDEX "org_unit_parent_idx" ON "org_unit" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_unit_path_gist" ON "org_unit" USING gist ("path");--> statement-breakpoint
CREATE INDEX "org_unit_name_trgm" ON "org_unit" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "user_role_role_idx" ON "user_role" USING btree ("province_id","role_code");--> statement-breakpoint
CREATE UNIQUE INDEX "session_token_unique_per_province" ON "user_session" USING btree ("province_id","token_hash");--> statement-breakpoint
CREATE INDEX "user_session_user_idx" ON "user_session" USING btree ("province_id","user_id");