CREATE TABLE "soa_entries" (
	"soa_version_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	"applicable" boolean,
	"proposed" boolean DEFAULT false NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exclusion_reason" text DEFAULT '' NOT NULL,
	"risk_accepted_by" uuid,
	"risk_accepted_on" date,
	"implementation_status" text DEFAULT 'not_started' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner_user_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "soa_entries_soa_version_id_control_id_pk" PRIMARY KEY("soa_version_id","control_id"),
	CONSTRAINT "soa_entries_status_check" CHECK ("soa_entries"."implementation_status" in ('not_started', 'planned', 'partial', 'implemented'))
);
--> statement-breakpoint
CREATE TABLE "soa_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"soa_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"approval_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "soa_versions_status_check" CHECK ("soa_versions"."status" in ('draft', 'pending', 'approved', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "soas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"scope_version_id" uuid NOT NULL,
	"library_id" text DEFAULT 'jipdec-isms-2.0' NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_soa_version_id_soa_versions_id_fk" FOREIGN KEY ("soa_version_id") REFERENCES "public"."soa_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_risk_accepted_by_users_id_fk" FOREIGN KEY ("risk_accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_entries" ADD CONSTRAINT "soa_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_soa_id_soas_id_fk" FOREIGN KEY ("soa_id") REFERENCES "public"."soas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soas" ADD CONSTRAINT "soas_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soas" ADD CONSTRAINT "soas_scope_version_id_scope_versions_id_fk" FOREIGN KEY ("scope_version_id") REFERENCES "public"."scope_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soas" ADD CONSTRAINT "soas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "soa_entries_org_idx" ON "soa_entries" USING btree ("organization_id","soa_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "soa_versions_number_key" ON "soa_versions" USING btree ("soa_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "soa_versions_open_key" ON "soa_versions" USING btree ("soa_id") WHERE "soa_versions"."status" in ('draft', 'pending');--> statement-breakpoint
CREATE INDEX "soa_versions_org_idx" ON "soa_versions" USING btree ("organization_id","soa_id");--> statement-breakpoint
CREATE UNIQUE INDEX "soas_scope_key" ON "soas" USING btree ("organization_id","scope_version_id");