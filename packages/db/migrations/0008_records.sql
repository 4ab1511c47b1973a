CREATE TABLE "record_disposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"record_title" text NOT NULL,
	"type_code" text NOT NULL,
	"method" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"requested_by" uuid,
	"approval_id" uuid NOT NULL,
	"approved_by" uuid,
	"files_deleted" integer DEFAULT 0 NOT NULL,
	"disposed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"retention_value" integer NOT NULL,
	"retention_unit" text NOT NULL,
	"storage_location" text DEFAULT '' NOT NULL,
	"classification_id" uuid,
	"disposal_method" text DEFAULT '' NOT NULL,
	"evidences" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_types_unit_check" CHECK ("record_types"."retention_unit" in ('months', 'years')),
	CONSTRAINT "record_types_retention_check" CHECK ("record_types"."retention_value" between 0 and 1200)
);
--> statement-breakpoint
CREATE TABLE "records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"entries" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record_date" date NOT NULL,
	"retention_end" date NOT NULL,
	"legal_hold" boolean DEFAULT false NOT NULL,
	"legal_hold_reason" text,
	"status" text DEFAULT 'active' NOT NULL,
	"approval_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "records_status_check" CHECK ("records"."status" in ('active', 'disposal_pending', 'disposed')),
	CONSTRAINT "records_hold_reason_check" CHECK (not "records"."legal_hold" or coalesce("records"."legal_hold_reason", '') <> '')
);
--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_approval_id_approvals_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."approvals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_types" ADD CONSTRAINT "record_types_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_types" ADD CONSTRAINT "record_types_classification_id_classification_levels_id_fk" FOREIGN KEY ("classification_id") REFERENCES "public"."classification_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_type_id_record_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."record_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_approval_id_approvals_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."approvals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "record_disposals_record_key" ON "record_disposals" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "record_disposals_org_idx" ON "record_disposals" USING btree ("organization_id","disposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "record_types_code_key" ON "record_types" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "records_date_idx" ON "records" USING btree ("organization_id","record_date","id");--> statement-breakpoint
CREATE INDEX "records_retention_idx" ON "records" USING btree ("organization_id","retention_end","id");--> statement-breakpoint
CREATE INDEX "records_type_idx" ON "records" USING btree ("organization_id","type_id");--> statement-breakpoint
CREATE INDEX "records_hold_idx" ON "records" USING btree ("organization_id","legal_hold");--> statement-breakpoint
CREATE INDEX "records_search_trgm_idx" ON "records" USING gin ("search_text" gin_trgm_ops);