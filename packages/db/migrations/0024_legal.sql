CREATE TABLE "legal_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"authority" text DEFAULT '' NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"applies_since" date,
	"review_interval_months" integer DEFAULT 12 NOT NULL,
	"next_review_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"control_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"content_changed_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_obligations_kind_check" CHECK ("legal_obligations"."kind" in ('law', 'regulation', 'contract', 'guideline', 'other')),
	CONSTRAINT "legal_obligations_status_check" CHECK ("legal_obligations"."status" in ('active', 'retired')),
	CONSTRAINT "legal_obligations_interval_check" CHECK ("legal_obligations"."review_interval_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "legal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"obligation_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewer_user_id" uuid,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"next_review_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_reviews_outcome_check" CHECK ("legal_reviews"."outcome" in ('unchanged', 'changed', 'retired'))
);
--> statement-breakpoint
ALTER TABLE "legal_obligations" ADD CONSTRAINT "legal_obligations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_obligations" ADD CONSTRAINT "legal_obligations_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_obligations" ADD CONSTRAINT "legal_obligations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_obligation_id_legal_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."legal_obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "legal_obligations_code_key" ON "legal_obligations" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "legal_obligations_review_idx" ON "legal_obligations" USING btree ("organization_id","next_review_date","id");--> statement-breakpoint
CREATE INDEX "legal_obligations_owner_idx" ON "legal_obligations" USING btree ("organization_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "legal_obligations_controls_idx" ON "legal_obligations" USING gin ("control_ids");--> statement-breakpoint
CREATE INDEX "legal_reviews_obligation_idx" ON "legal_reviews" USING btree ("obligation_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "legal_reviews_org_idx" ON "legal_reviews" USING btree ("organization_id","reviewed_on");