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
CREATE TABLE "isms_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"kind" text NOT NULL,
	"activity" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"unit_id" uuid,
	"planned_amount" bigint,
	"planned_hours" integer,
	"used_amount" bigint,
	"used_hours" integer,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "isms_resources_kind_check" CHECK ("isms_resources"."kind" in ('people', 'money', 'tool', 'service', 'other')),
	CONSTRAINT "isms_resources_activity_check" CHECK ("isms_resources"."activity" in ('establish', 'operate', 'monitor', 'improve')),
	CONSTRAINT "isms_resources_year_check" CHECK ("isms_resources"."fiscal_year" between 2000 and 2100),
	CONSTRAINT "isms_resources_amounts_check" CHECK (coalesce("isms_resources"."planned_amount", 0) >= 0 and coalesce("isms_resources"."planned_hours", 0) >= 0
        and coalesce("isms_resources"."used_amount", 0) >= 0 and coalesce("isms_resources"."used_hours", 0) >= 0),
	CONSTRAINT "isms_resources_planned_check" CHECK ("isms_resources"."planned_amount" is not null or "isms_resources"."planned_hours" is not null)
);
--> statement-breakpoint
CREATE TABLE "resource_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approval_id" uuid,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_version" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_plans_status_check" CHECK ("resource_plans"."status" in ('draft', 'submitted', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "resource_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"fiscal_year_start_month" integer DEFAULT 4 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_settings_month_check" CHECK ("resource_settings"."fiscal_year_start_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "conformity_attestations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"statement" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conformity_attestations_status_check" CHECK ("conformity_attestations"."status" in ('pending', 'approved', 'rejected', 'revoked')),
	CONSTRAINT "conformity_attestations_period_check" CHECK ("conformity_attestations"."valid_until" >= "conformity_attestations"."valid_from"),
	CONSTRAINT "conformity_attestations_decider_check" CHECK ("conformity_attestations"."decided_by" is null or "conformity_attestations"."decided_by" <> "conformity_attestations"."requested_by")
);
--> statement-breakpoint
CREATE TABLE "objective_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"delete_reason" text,
	CONSTRAINT "objective_measurements_source_check" CHECK ("objective_measurements"."source" in ('manual', 'csv', 'api')),
	CONSTRAINT "objective_measurements_delete_reason_check" CHECK ("objective_measurements"."deleted_at" is null or coalesce("objective_measurements"."delete_reason", '') <> '')
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"org_unit_id" uuid,
	"metric" text NOT NULL,
	"measure_unit" text DEFAULT '' NOT NULL,
	"direction" text NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"start_date" date NOT NULL,
	"due_date" date NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"frequency" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"control_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objectives_direction_check" CHECK ("objectives"."direction" in ('higher_is_better', 'lower_is_better')),
	CONSTRAINT "objectives_frequency_check" CHECK ("objectives"."frequency" in ('monthly', 'quarterly', 'half_yearly', 'yearly')),
	CONSTRAINT "objectives_status_check" CHECK ("objectives"."status" in ('active', 'achieved', 'missed', 'withdrawn')),
	CONSTRAINT "objectives_dates_check" CHECK ("objectives"."start_date" <= "objectives"."due_date")
);
--> statement-breakpoint
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
CREATE TABLE "control_check_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"check_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	"performed_on" date NOT NULL,
	"result" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"checker_user_id" uuid,
	"nonconformity_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_check_results_result_check" CHECK ("control_check_results"."result" in ('effective', 'partly_effective', 'not_effective')),
	CONSTRAINT "control_check_results_nc_check" CHECK ("control_check_results"."nonconformity_id" is null or "control_check_results"."result" <> 'effective')
);
--> statement-breakpoint
CREATE TABLE "control_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	"title" text NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"frequency" text NOT NULL,
	"next_due" date NOT NULL,
	"checker_user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_checks_frequency_check" CHECK ("control_checks"."frequency" in ('monthly', 'quarterly', 'half_yearly', 'yearly'))
);
--> statement-breakpoint
CREATE TABLE "control_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"owner_user_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"no_procedure_reason" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "control_operations_status_check" CHECK ("control_operations"."status" in ('not_started', 'in_operation', 'partly', 'suspended'))
);
--> statement-breakpoint
ALTER TABLE "nonconformities" DROP CONSTRAINT "nonconformities_source_check";--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "decided_by_roles" text[];--> statement-breakpoint
ALTER TABLE "record_types" ADD COLUMN "control_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "risk_change_reviews" ADD CONSTRAINT "risk_change_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_change_reviews" ADD CONSTRAINT "risk_change_reviews_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_change_reviews" ADD CONSTRAINT "risk_change_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_change_reviews" ADD CONSTRAINT "risk_change_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_resources" ADD CONSTRAINT "isms_resources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_resources" ADD CONSTRAINT "isms_resources_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_resources" ADD CONSTRAINT "isms_resources_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_resources" ADD CONSTRAINT "isms_resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_plans" ADD CONSTRAINT "resource_plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_plans" ADD CONSTRAINT "resource_plans_approval_id_approvals_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."approvals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_plans" ADD CONSTRAINT "resource_plans_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_settings" ADD CONSTRAINT "resource_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conformity_attestations" ADD CONSTRAINT "conformity_attestations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conformity_attestations" ADD CONSTRAINT "conformity_attestations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conformity_attestations" ADD CONSTRAINT "conformity_attestations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measurements" ADD CONSTRAINT "objective_measurements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measurements" ADD CONSTRAINT "objective_measurements_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measurements" ADD CONSTRAINT "objective_measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measurements" ADD CONSTRAINT "objective_measurements_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_obligations" ADD CONSTRAINT "legal_obligations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_obligations" ADD CONSTRAINT "legal_obligations_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_obligations" ADD CONSTRAINT "legal_obligations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_obligation_id_legal_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."legal_obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_reviews" ADD CONSTRAINT "legal_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_results" ADD CONSTRAINT "control_check_results_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_results" ADD CONSTRAINT "control_check_results_check_id_control_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."control_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_results" ADD CONSTRAINT "control_check_results_checker_user_id_users_id_fk" FOREIGN KEY ("checker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_results" ADD CONSTRAINT "control_check_results_nonconformity_id_nonconformities_id_fk" FOREIGN KEY ("nonconformity_id") REFERENCES "public"."nonconformities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_check_results" ADD CONSTRAINT "control_check_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_checks" ADD CONSTRAINT "control_checks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_checks" ADD CONSTRAINT "control_checks_checker_user_id_users_id_fk" FOREIGN KEY ("checker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_checks" ADD CONSTRAINT "control_checks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_operations" ADD CONSTRAINT "control_operations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_operations" ADD CONSTRAINT "control_operations_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_operations" ADD CONSTRAINT "control_operations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_change_reviews_kind_idx" ON "risk_change_reviews" USING btree ("organization_id","kind","reviewed_on");--> statement-breakpoint
CREATE INDEX "risk_change_reviews_reviewed_idx" ON "risk_change_reviews" USING btree ("organization_id","reviewed_on","id");--> statement-breakpoint
CREATE INDEX "isms_resources_year_idx" ON "isms_resources" USING btree ("organization_id","fiscal_year","kind","id");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_plans_year_key" ON "resource_plans" USING btree ("organization_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "conformity_attestations_item_idx" ON "conformity_attestations" USING btree ("organization_id","item_id","valid_until");--> statement-breakpoint
CREATE INDEX "conformity_attestations_list_idx" ON "conformity_attestations" USING btree ("organization_id","valid_until","id");--> statement-breakpoint
CREATE INDEX "conformity_attestations_approved_idx" ON "conformity_attestations" USING btree ("organization_id","valid_until") WHERE "conformity_attestations"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "objective_measurements_objective_idx" ON "objective_measurements" USING btree ("organization_id","objective_id","measured_on") WHERE "objective_measurements"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "objectives_number_key" ON "objectives" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "objectives_due_idx" ON "objectives" USING btree ("organization_id","due_date","id");--> statement-breakpoint
CREATE INDEX "objectives_owner_idx" ON "objectives" USING btree ("organization_id","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_obligations_code_key" ON "legal_obligations" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "legal_obligations_review_idx" ON "legal_obligations" USING btree ("organization_id","next_review_date","id");--> statement-breakpoint
CREATE INDEX "legal_obligations_owner_idx" ON "legal_obligations" USING btree ("organization_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "legal_obligations_controls_idx" ON "legal_obligations" USING gin ("control_ids");--> statement-breakpoint
CREATE INDEX "legal_reviews_obligation_idx" ON "legal_reviews" USING btree ("obligation_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "legal_reviews_org_idx" ON "legal_reviews" USING btree ("organization_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "control_check_results_check_idx" ON "control_check_results" USING btree ("organization_id","check_id","performed_on");--> statement-breakpoint
CREATE INDEX "control_check_results_control_idx" ON "control_check_results" USING btree ("organization_id","control_id","performed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "control_check_results_nc_key" ON "control_check_results" USING btree ("nonconformity_id") WHERE "control_check_results"."nonconformity_id" is not null;--> statement-breakpoint
CREATE INDEX "control_checks_control_idx" ON "control_checks" USING btree ("organization_id","control_id");--> statement-breakpoint
CREATE INDEX "control_checks_due_idx" ON "control_checks" USING btree ("organization_id","next_due","id") WHERE "control_checks"."active";--> statement-breakpoint
CREATE INDEX "control_checks_checker_idx" ON "control_checks" USING btree ("organization_id","checker_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "control_operations_control_key" ON "control_operations" USING btree ("organization_id","control_id");--> statement-breakpoint
CREATE INDEX "control_operations_owner_idx" ON "control_operations" USING btree ("organization_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "record_types_controls_idx" ON "record_types" USING gin ("control_ids");--> statement-breakpoint
ALTER TABLE "nonconformities" ADD CONSTRAINT "nonconformities_source_check" CHECK ("nonconformities"."source" in ('internal_audit', 'external_audit', 'incident', 'management_review', 'monitoring', 'complaint', 'self_identified', 'risk_change', 'control_check'));