CREATE TABLE "audit_checklist_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text,
	"prompt_ja" text DEFAULT '' NOT NULL,
	"prompt_en" text DEFAULT '' NOT NULL,
	"result" text,
	"notes" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_checklist_lines_kind_check" CHECK ("audit_checklist_lines"."kind" in ('requirement', 'control', 'custom')),
	CONSTRAINT "audit_checklist_lines_result_check" CHECK ("audit_checklist_lines"."result" is null or "audit_checklist_lines"."result" in ('conform', 'major_nc', 'minor_nc', 'observation', 'ofi'))
);
--> statement-breakpoint
CREATE TABLE "audit_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"line_id" uuid,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"requirement_id" text,
	"control_id" text,
	"unit_id" uuid,
	"description" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"correction" text DEFAULT '' NOT NULL,
	"corrected_by" uuid,
	"corrected_at" timestamp with time zone,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"verification_note" text DEFAULT '' NOT NULL,
	"nonconformity_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_findings_kind_check" CHECK ("audit_findings"."kind" in ('major_nc', 'minor_nc', 'observation', 'ofi')),
	CONSTRAINT "audit_findings_status_check" CHECK ("audit_findings"."status" in ('open', 'corrected', 'verified', 'transferred')),
	CONSTRAINT "audit_findings_verifier_check" CHECK ("audit_findings"."verified_by" is null or "audit_findings"."verified_by" is distinct from "audit_findings"."corrected_by")
);
--> statement-breakpoint
CREATE TABLE "audit_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"criteria_requirement_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"criteria_control_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"criteria_document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"scope_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"scope_location_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"scope_processes" text[] DEFAULT '{}'::text[] NOT NULL,
	"frequency" text DEFAULT '' NOT NULL,
	"methods" text DEFAULT '' NOT NULL,
	"responsibilities" text DEFAULT '' NOT NULL,
	"cycle_months" integer DEFAULT 12 NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"approval_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_programmes_status_check" CHECK ("audit_programmes"."status" in ('draft', 'pending', 'approved', 'superseded')),
	CONSTRAINT "audit_programmes_cycle_check" CHECK ("audit_programmes"."cycle_months" between 1 and 60),
	CONSTRAINT "audit_programmes_period_check" CHECK ("audit_programmes"."period_end" >= "audit_programmes"."period_start")
);
--> statement-breakpoint
CREATE TABLE "audit_reports" (
	"audit_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"conclusion" text DEFAULT '' NOT NULL,
	"snapshot" jsonb,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_reports_status_check" CHECK ("audit_reports"."status" in ('draft', 'approved', 'acknowledged'))
);
--> statement-breakpoint
CREATE TABLE "audit_team_members" (
	"audit_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_team_members_audit_id_user_id_pk" PRIMARY KEY("audit_id","user_id"),
	CONSTRAINT "audit_team_members_role_check" CHECK ("audit_team_members"."role" in ('lead', 'member'))
);
--> statement-breakpoint
CREATE TABLE "audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"programme_id" uuid,
	"fiscal_year" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"auditee_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"scope_processes" text[] DEFAULT '{}'::text[] NOT NULL,
	"scope_asset_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"scope_document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"requirement_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"control_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"lead_auditor_id" uuid,
	"notice_sent_at" timestamp with time zone,
	"opening_meeting_at" timestamp with time zone,
	"closing_meeting_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audits_status_check" CHECK ("audits"."status" in ('planned', 'in_progress', 'reported', 'follow_up', 'closed')),
	CONSTRAINT "audits_dates_check" CHECK ("audits"."planned_end" >= "audits"."planned_start")
);
--> statement-breakpoint
CREATE TABLE "internal_auditors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"qualifications" text DEFAULT '' NOT NULL,
	"training" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_checklist_lines" ADD CONSTRAINT "audit_checklist_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_checklist_lines" ADD CONSTRAINT "audit_checklist_lines_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_checklist_lines" ADD CONSTRAINT "audit_checklist_lines_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_line_id_audit_checklist_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."audit_checklist_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_programmes" ADD CONSTRAINT "audit_programmes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_programmes" ADD CONSTRAINT "audit_programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_programmes" ADD CONSTRAINT "audit_programmes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_programmes" ADD CONSTRAINT "audit_programmes_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_reports" ADD CONSTRAINT "audit_reports_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_reports" ADD CONSTRAINT "audit_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_reports" ADD CONSTRAINT "audit_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_reports" ADD CONSTRAINT "audit_reports_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_team_members" ADD CONSTRAINT "audit_team_members_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_team_members" ADD CONSTRAINT "audit_team_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_team_members" ADD CONSTRAINT "audit_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_programme_id_audit_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."audit_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_lead_auditor_id_users_id_fk" FOREIGN KEY ("lead_auditor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_auditors" ADD CONSTRAINT "internal_auditors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_auditors" ADD CONSTRAINT "internal_auditors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_checklist_lines_audit_idx" ON "audit_checklist_lines" USING btree ("audit_id","position");--> statement-breakpoint
CREATE INDEX "audit_checklist_lines_ref_idx" ON "audit_checklist_lines" USING btree ("organization_id","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_findings_number_key" ON "audit_findings" USING btree ("audit_id","number");--> statement-breakpoint
CREATE INDEX "audit_findings_org_status_idx" ON "audit_findings" USING btree ("organization_id","status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_programmes_number_key" ON "audit_programmes" USING btree ("organization_id","fiscal_year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_programmes_open_key" ON "audit_programmes" USING btree ("organization_id","fiscal_year") WHERE "audit_programmes"."status" in ('draft', 'pending');--> statement-breakpoint
CREATE INDEX "audit_reports_org_idx" ON "audit_reports" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "audit_team_members_user_idx" ON "audit_team_members" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audits_code_key" ON "audits" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "audits_org_status_idx" ON "audits" USING btree ("organization_id","status","planned_start");--> statement-breakpoint
CREATE UNIQUE INDEX "internal_auditors_user_key" ON "internal_auditors" USING btree ("organization_id","user_id");