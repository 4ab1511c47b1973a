-- The asset inventory, classification scheme, organization structure, versioned scope and jobs.
-- The trigram indexes of assets use pg_trgm, which 0002_catalog creates.
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"parent_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_kind_check" CHECK ("locations"."kind" in ('site', 'building', 'room', 'data_centre', 'other')),
	CONSTRAINT "locations_not_own_parent" CHECK ("locations"."parent_id" is distinct from "locations"."id")
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"parent_id" uuid,
	"manager_user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_not_own_parent" CHECK ("org_units"."parent_id" is distinct from "org_units"."id")
);
--> statement-breakpoint
CREATE TABLE "scope_exclusions" (
	"scope_version_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	"reason" text NOT NULL,
	"risk_accepted_by" uuid NOT NULL,
	"risk_accepted_on" date NOT NULL,
	CONSTRAINT "scope_exclusions_scope_version_id_control_id_pk" PRIMARY KEY("scope_version_id","control_id"),
	CONSTRAINT "scope_exclusions_reason_check" CHECK (length(trim("scope_exclusions"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "scope_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"business_activities" text DEFAULT '' NOT NULL,
	"org_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"organization_note" text DEFAULT '' NOT NULL,
	"location_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"location_note" text DEFAULT '' NOT NULL,
	"asset_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"asset_note" text DEFAULT '' NOT NULL,
	"technology" text DEFAULT '' NOT NULL,
	"boundaries" text DEFAULT '' NOT NULL,
	"interfaces" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"approval_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scope_versions_status_check" CHECK ("scope_versions"."status" in ('draft', 'pending', 'approved', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "asset_dependencies" (
	"organization_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"type" text NOT NULL,
	"target_asset_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_dependencies_asset_id_type_target_asset_id_pk" PRIMARY KEY("asset_id","type","target_asset_id"),
	CONSTRAINT "asset_dependencies_no_self_loop" CHECK ("asset_dependencies"."asset_id" <> "asset_dependencies"."target_asset_id"),
	CONSTRAINT "asset_dependencies_type_check" CHECK ("asset_dependencies"."type" in ('runs_on', 'stores', 'connects_to', 'depends_on'))
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"owner_unit_id" uuid,
	"custodian_user_id" uuid,
	"custodian_unit_id" uuid,
	"org_unit_id" uuid,
	"location_id" uuid,
	"classification_id" uuid,
	"confidentiality" integer,
	"integrity" integer,
	"availability" integer,
	"value" integer,
	"business_process" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'in_use' NOT NULL,
	"next_review_date" date,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_category_check" CHECK ("assets"."category" in ('information', 'software', 'physical', 'service', 'people', 'intangible')),
	CONSTRAINT "assets_status_check" CHECK ("assets"."status" in ('in_use', 'retired')),
	CONSTRAINT "assets_owner_check" CHECK (num_nonnulls("assets"."owner_user_id", "assets"."owner_unit_id") = 1),
	CONSTRAINT "assets_custodian_check" CHECK (num_nonnulls("assets"."custodian_user_id", "assets"."custodian_unit_id") <= 1)
);
--> statement-breakpoint
CREATE TABLE "classification_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"rank" integer NOT NULL,
	"description" jsonb DEFAULT '{"ja":"","en":""}'::jsonb NOT NULL,
	"handling" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"result" jsonb,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_status_check" CHECK ("jobs"."status" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_parent_id_locations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_org_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_manager_user_id_users_id_fk" FOREIGN KEY ("manager_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_exclusions" ADD CONSTRAINT "scope_exclusions_scope_version_id_scope_versions_id_fk" FOREIGN KEY ("scope_version_id") REFERENCES "public"."scope_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_exclusions" ADD CONSTRAINT "scope_exclusions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_exclusions" ADD CONSTRAINT "scope_exclusions_risk_accepted_by_users_id_fk" FOREIGN KEY ("risk_accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_versions" ADD CONSTRAINT "scope_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_versions" ADD CONSTRAINT "scope_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_versions" ADD CONSTRAINT "scope_versions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_versions" ADD CONSTRAINT "scope_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_dependencies" ADD CONSTRAINT "asset_dependencies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_dependencies" ADD CONSTRAINT "asset_dependencies_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_dependencies" ADD CONSTRAINT "asset_dependencies_target_asset_id_assets_id_fk" FOREIGN KEY ("target_asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_owner_unit_id_org_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_custodian_user_id_users_id_fk" FOREIGN KEY ("custodian_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_custodian_unit_id_org_units_id_fk" FOREIGN KEY ("custodian_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_classification_id_classification_levels_id_fk" FOREIGN KEY ("classification_id") REFERENCES "public"."classification_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_levels" ADD CONSTRAINT "classification_levels_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "locations_code_key" ON "locations" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "locations_parent_idx" ON "locations" USING btree ("organization_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_code_key" ON "org_units" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("organization_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scope_versions_number_key" ON "scope_versions" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "scope_versions_open_key" ON "scope_versions" USING btree ("organization_id") WHERE "scope_versions"."status" in ('draft', 'pending');--> statement-breakpoint
CREATE INDEX "asset_dependencies_target_idx" ON "asset_dependencies" USING btree ("target_asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_code_key" ON "assets" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "assets_name_idx" ON "assets" USING btree ("organization_id","name","id");--> statement-breakpoint
CREATE INDEX "assets_value_idx" ON "assets" USING btree ("organization_id",coalesce("value", 0),"id");--> statement-breakpoint
CREATE INDEX "assets_updated_idx" ON "assets" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "assets_review_idx" ON "assets" USING btree ("organization_id",coalesce("next_review_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "assets_owner_user_idx" ON "assets" USING btree ("organization_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "assets_owner_unit_idx" ON "assets" USING btree ("organization_id","owner_unit_id");--> statement-breakpoint
CREATE INDEX "assets_unit_idx" ON "assets" USING btree ("organization_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "assets_location_idx" ON "assets" USING btree ("organization_id","location_id");--> statement-breakpoint
CREATE INDEX "assets_classification_idx" ON "assets" USING btree ("organization_id","classification_id");--> statement-breakpoint
CREATE INDEX "assets_category_idx" ON "assets" USING btree ("organization_id","category","code");--> statement-breakpoint
CREATE INDEX "assets_status_idx" ON "assets" USING btree ("organization_id","status","code");--> statement-breakpoint
CREATE INDEX "assets_tags_idx" ON "assets" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "assets_code_trgm_idx" ON "assets" USING gin ("code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "assets_name_trgm_idx" ON "assets" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "classification_levels_code_key" ON "classification_levels" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "classification_levels_rank_idx" ON "classification_levels" USING btree ("organization_id","rank");--> statement-breakpoint
CREATE INDEX "jobs_org_idx" ON "jobs" USING btree ("organization_id","created_at");