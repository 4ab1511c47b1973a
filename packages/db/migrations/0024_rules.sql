CREATE TABLE "risk_change_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"assessment_id" uuid,
	"decided_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_change_reviews_kind_check" CHECK ("risk_change_reviews"."kind" in ('organization', 'technology', 'business', 'threats', 'external')),
	CONSTRAINT "risk_change_reviews_outcome_check" CHECK ("risk_change_reviews"."outcome" in ('changed', 'no_change'))
);
--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "decided_by_roles" text[];--> statement-breakpoint
ALTER TABLE "risk_change_reviews" ADD CONSTRAINT "risk_change_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_change_reviews" ADD CONSTRAINT "risk_change_reviews_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_change_reviews" ADD CONSTRAINT "risk_change_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_change_reviews" ADD CONSTRAINT "risk_change_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_change_reviews_kind_idx" ON "risk_change_reviews" USING btree ("organization_id","kind","reviewed_on");--> statement-breakpoint
CREATE INDEX "risk_change_reviews_reviewed_idx" ON "risk_change_reviews" USING btree ("organization_id","reviewed_on","id");