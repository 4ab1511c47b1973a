CREATE TABLE "effectiveness_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"action_owner_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"effective" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "effectiveness_reviews_reviewer_check" CHECK ("effectiveness_reviews"."reviewer_id" <> "effectiveness_reviews"."action_owner_id")
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"nonconformity_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"resources" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"implementation_note" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"implemented_by" uuid,
	"implemented_at" timestamp with time zone,
	"review_interval_days" integer DEFAULT 90 NOT NULL,
	"review_due" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_actions_kind_check" CHECK ("improvement_actions"."kind" in ('corrective', 'preventive')),
	CONSTRAINT "improvement_actions_status_check" CHECK ("improvement_actions"."status" in ('planned', 'implemented', 'effective', 'not_effective', 'cancelled')),
	CONSTRAINT "improvement_actions_interval_check" CHECK ("improvement_actions"."review_interval_days" between 0 and 730)
);
--> statement-breakpoint
CREATE TABLE "improvement_communications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"subject" jsonb,
	"nonconformity_id" uuid,
	"improvement_id" uuid,
	"audience" text NOT NULL,
	"channel" text NOT NULL,
	"communicated_on" date NOT NULL,
	"summary" text NOT NULL,
	"agreement" text DEFAULT 'pending' NOT NULL,
	"agreement_note" text DEFAULT '' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_communications_channel_check" CHECK ("improvement_communications"."channel" in ('meeting', 'email', 'intranet', 'document', 'training', 'other')),
	CONSTRAINT "improvement_communications_agreement_check" CHECK ("improvement_communications"."agreement" in ('agreed', 'objected', 'pending', 'not_required'))
);
--> statement-breakpoint
CREATE TABLE "improvement_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"level_jump" integer DEFAULT 2 NOT NULL,
	"review_interval_days" integer DEFAULT 90 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_settings_jump_check" CHECK ("improvement_settings"."level_jump" between 1 and 100),
	CONSTRAINT "improvement_settings_interval_check" CHECK ("improvement_settings"."review_interval_days" between 0 and 730)
);
--> statement-breakpoint
CREATE TABLE "improvements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"source" text NOT NULL,
	"source_link" jsonb,
	"audit_finding_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"suggested_by" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decision_reason" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"owner_id" uuid,
	"due_date" date,
	"implementation" text DEFAULT '' NOT NULL,
	"implemented_at" timestamp with time zone,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"objective_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvements_source_check" CHECK ("improvements"."source" in ('audit', 'management_review', 'incident_lesson', 'external_lesson', 'suggestion', 'monitoring', 'other')),
	CONSTRAINT "improvements_status_check" CHECK ("improvements"."status" in ('proposed', 'accepted', 'rejected', 'implemented'))
);
--> statement-breakpoint
CREATE TABLE "nonconformities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text DEFAULT 'nonconformity' NOT NULL,
	"source" text NOT NULL,
	"source_link" jsonb,
	"audit_finding_id" uuid,
	"risk_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"severity" text DEFAULT 'minor' NOT NULL,
	"priority" text,
	"requirement_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"control_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"unit_id" uuid,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"detected_on" date NOT NULL,
	"reported_by" uuid,
	"owner_id" uuid,
	"status" text DEFAULT 'reported' NOT NULL,
	"containment" text DEFAULT '' NOT NULL,
	"contained_by" uuid,
	"contained_at" timestamp with time zone,
	"cycle" integer DEFAULT 1 NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nonconformities_kind_check" CHECK ("nonconformities"."kind" in ('nonconformity', 'potential')),
	CONSTRAINT "nonconformities_source_check" CHECK ("nonconformities"."source" in ('internal_audit', 'external_audit', 'incident', 'management_review', 'monitoring', 'complaint', 'self_identified', 'risk_change')),
	CONSTRAINT "nonconformities_severity_check" CHECK ("nonconformities"."severity" in ('major', 'minor')),
	CONSTRAINT "nonconformities_priority_check" CHECK ("nonconformities"."priority" is null or "nonconformities"."priority" in ('high', 'medium', 'low')),
	CONSTRAINT "nonconformities_status_check" CHECK ("nonconformities"."status" in ('reported', 'contained', 'analysed', 'evaluated', 'in_action', 'in_review', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "nonconformity_analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"nonconformity_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"why_steps" text[] DEFAULT '{}'::text[] NOT NULL,
	"fishbone_category" text NOT NULL,
	"root_cause" text NOT NULL,
	"analysed_by" uuid,
	"analysed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action_needed" boolean,
	"evaluation_reason" text DEFAULT '' NOT NULL,
	"evaluated_by" uuid,
	"evaluated_at" timestamp with time zone,
	CONSTRAINT "nonconformity_analyses_category_check" CHECK ("nonconformity_analyses"."fishbone_category" in ('people', 'process', 'technology', 'information', 'environment', 'supplier', 'management'))
);
--> statement-breakpoint
CREATE TABLE "preventive_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"previous_level" integer,
	"new_level" integer NOT NULL,
	"priority" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decision_reason" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"nonconformity_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preventive_proposals_reason_check" CHECK ("preventive_proposals"."reason" in ('level_jump', 'untreated_above_acceptable')),
	CONSTRAINT "preventive_proposals_priority_check" CHECK ("preventive_proposals"."priority" in ('high', 'medium', 'low')),
	CONSTRAINT "preventive_proposals_status_check" CHECK ("preventive_proposals"."status" in ('proposed', 'accepted', 'dismissed'))
);
--> statement-breakpoint
ALTER TABLE "effectiveness_reviews" ADD CONSTRAINT "effectiveness_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effectiveness_reviews" ADD CONSTRAINT "effectiveness_reviews_action_id_improvement_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."improvement_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effectiveness_reviews" ADD CONSTRAINT "effectiveness_reviews_action_owner_id_users_id_fk" FOREIGN KEY ("action_owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effectiveness_reviews" ADD CONSTRAINT "effectiveness_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_nonconformity_id_nonconformities_id_fk" FOREIGN KEY ("nonconformity_id") REFERENCES "public"."nonconformities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_implemented_by_users_id_fk" FOREIGN KEY ("implemented_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_communications" ADD CONSTRAINT "improvement_communications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_communications" ADD CONSTRAINT "improvement_communications_nonconformity_id_nonconformities_id_fk" FOREIGN KEY ("nonconformity_id") REFERENCES "public"."nonconformities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_communications" ADD CONSTRAINT "improvement_communications_improvement_id_improvements_id_fk" FOREIGN KEY ("improvement_id") REFERENCES "public"."improvements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_communications" ADD CONSTRAINT "improvement_communications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_settings" ADD CONSTRAINT "improvement_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_audit_finding_id_audit_findings_id_fk" FOREIGN KEY ("audit_finding_id") REFERENCES "public"."audit_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_suggested_by_users_id_fk" FOREIGN KEY ("suggested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformities" ADD CONSTRAINT "nonconformities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformities" ADD CONSTRAINT "nonconformities_audit_finding_id_audit_findings_id_fk" FOREIGN KEY ("audit_finding_id") REFERENCES "public"."audit_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformities" ADD CONSTRAINT "nonconformities_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformities" ADD CONSTRAINT "nonconformities_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformities" ADD CONSTRAINT "nonconformities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformities" ADD CONSTRAINT "nonconformities_contained_by_users_id_fk" FOREIGN KEY ("contained_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformities" ADD CONSTRAINT "nonconformities_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformity_analyses" ADD CONSTRAINT "nonconformity_analyses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformity_analyses" ADD CONSTRAINT "nonconformity_analyses_nonconformity_id_nonconformities_id_fk" FOREIGN KEY ("nonconformity_id") REFERENCES "public"."nonconformities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformity_analyses" ADD CONSTRAINT "nonconformity_analyses_analysed_by_users_id_fk" FOREIGN KEY ("analysed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonconformity_analyses" ADD CONSTRAINT "nonconformity_analyses_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preventive_proposals" ADD CONSTRAINT "preventive_proposals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preventive_proposals" ADD CONSTRAINT "preventive_proposals_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preventive_proposals" ADD CONSTRAINT "preventive_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preventive_proposals" ADD CONSTRAINT "preventive_proposals_nonconformity_id_nonconformities_id_fk" FOREIGN KEY ("nonconformity_id") REFERENCES "public"."nonconformities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "effectiveness_reviews_action_idx" ON "effectiveness_reviews" USING btree ("action_id","reviewed_at");--> statement-breakpoint
CREATE INDEX "improvement_actions_nc_idx" ON "improvement_actions" USING btree ("nonconformity_id","cycle");--> statement-breakpoint
CREATE INDEX "improvement_actions_owner_idx" ON "improvement_actions" USING btree ("organization_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "improvement_communications_org_idx" ON "improvement_communications" USING btree ("organization_id","communicated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "improvements_number_key" ON "improvements" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "improvements_finding_key" ON "improvements" USING btree ("audit_finding_id") WHERE "improvements"."audit_finding_id" is not null;--> statement-breakpoint
CREATE INDEX "improvements_org_status_idx" ON "improvements" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "nonconformities_number_key" ON "nonconformities" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "nonconformities_finding_key" ON "nonconformities" USING btree ("audit_finding_id") WHERE "nonconformities"."audit_finding_id" is not null;--> statement-breakpoint
CREATE INDEX "nonconformities_org_status_idx" ON "nonconformities" USING btree ("organization_id","status","detected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "nonconformity_analyses_cycle_key" ON "nonconformity_analyses" USING btree ("nonconformity_id","cycle");--> statement-breakpoint
CREATE UNIQUE INDEX "preventive_proposals_open_key" ON "preventive_proposals" USING btree ("organization_id","risk_id") WHERE "preventive_proposals"."status" = 'proposed';