CREATE TABLE "document_acknowledgements" (
	"organization_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "document_acknowledgements_version_id_user_id_pk" PRIMARY KEY("version_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "document_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"next_review_date" date,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_reviews_outcome_check" CHECK ("document_reviews"."outcome" in ('no_change', 'new_draft'))
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"change_summary" text DEFAULT '' NOT NULL,
	"policy_fields" jsonb,
	"created_by" uuid,
	"updated_by" uuid,
	"approval_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_status_check" CHECK ("document_versions"."status" in ('draft', 'in_review', 'issued', 'superseded', 'obsolete'))
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"isms_policy" boolean DEFAULT false NOT NULL,
	"owner_user_id" uuid,
	"classification_id" uuid,
	"review_interval_months" integer DEFAULT 12 NOT NULL,
	"next_review_date" date,
	"last_reviewed_at" timestamp with time zone,
	"distribution_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"distribution_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"distribution_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"external_origin" boolean DEFAULT false NOT NULL,
	"external_source" text DEFAULT '' NOT NULL,
	"external_version" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"control_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"requirement_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version_id" uuid,
	"current_revision" integer,
	"issued_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_type_check" CHECK ("documents"."type" in ('policy', 'standard', 'procedure', 'guideline', 'form_template', 'external')),
	CONSTRAINT "documents_status_check" CHECK ("documents"."status" in ('draft', 'issued', 'obsolete')),
	CONSTRAINT "documents_isms_policy_check" CHECK (not "documents"."isms_policy" or "documents"."type" = 'policy'),
	CONSTRAINT "documents_review_interval_check" CHECK ("documents"."review_interval_months" between 1 and 120)
);
--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reviews" ADD CONSTRAINT "document_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reviews" ADD CONSTRAINT "document_reviews_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reviews" ADD CONSTRAINT "document_reviews_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reviews" ADD CONSTRAINT "document_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_classification_id_classification_levels_id_fk" FOREIGN KEY ("classification_id") REFERENCES "public"."classification_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_acknowledgements_user_idx" ON "document_acknowledgements" USING btree ("organization_id","user_id","acknowledged_at");--> statement-breakpoint
CREATE INDEX "document_reviews_document_idx" ON "document_reviews" USING btree ("organization_id","document_id","reviewed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_revision_key" ON "document_versions" USING btree ("document_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_open_key" ON "document_versions" USING btree ("document_id") WHERE "document_versions"."status" in ('draft', 'in_review');--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_issued_key" ON "document_versions" USING btree ("document_id") WHERE "document_versions"."status" = 'issued';--> statement-breakpoint
CREATE INDEX "document_versions_org_idx" ON "document_versions" USING btree ("organization_id","document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_code_key" ON "documents" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "documents_title_idx" ON "documents" USING btree ("organization_id","title","id");--> statement-breakpoint
CREATE INDEX "documents_updated_idx" ON "documents" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "documents_review_idx" ON "documents" USING btree ("organization_id",coalesce("next_review_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "documents_type_idx" ON "documents" USING btree ("organization_id","type","code");--> statement-breakpoint
CREATE INDEX "documents_status_idx" ON "documents" USING btree ("organization_id","status","code");--> statement-breakpoint
CREATE INDEX "documents_owner_idx" ON "documents" USING btree ("organization_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "documents_tags_idx" ON "documents" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "documents_search_trgm_idx" ON "documents" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "documents_search_fts_idx" ON "documents" USING gin (to_tsvector('simple', "search_text"));