CREATE TABLE "residual_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"approval_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"authorize_operation" boolean DEFAULT true NOT NULL,
	"risk_count" integer DEFAULT 0 NOT NULL,
	"submitted_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessment_entries" (
	"assessment_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"code" text NOT NULL,
	"asset_name" text NOT NULL,
	"threat_code" text NOT NULL,
	"likelihood" integer,
	"vulnerability_level" integer,
	"asset_value" integer,
	"value" integer,
	"level" integer,
	"evaluation" text,
	"treatment_option" text,
	"residual_value" integer,
	CONSTRAINT "risk_assessment_entries_assessment_id_risk_id_pk" PRIMARY KEY("assessment_id","risk_id")
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"assessed_on" date NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason_text" text DEFAULT '' NOT NULL,
	"previous_id" uuid,
	"method_id" uuid,
	"risk_count" integer DEFAULT 0 NOT NULL,
	"treat_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_controls" (
	"organization_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	"role" text NOT NULL,
	"justification" text DEFAULT '' NOT NULL,
	CONSTRAINT "risk_controls_risk_id_role_control_id_pk" PRIMARY KEY("risk_id","role","control_id")
);
--> statement-breakpoint
CREATE TABLE "risk_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"approval_id" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"code" text NOT NULL,
	"asset_id" uuid NOT NULL,
	"threat_id" uuid NOT NULL,
	"vulnerability_id" uuid,
	"likelihood" integer NOT NULL,
	"vulnerability_level" integer NOT NULL,
	"impact" integer,
	"asset_value" integer,
	"value" integer,
	"level" integer,
	"evaluation" text,
	"treatment_option" text,
	"transfer_to" text DEFAULT '' NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"residual_likelihood" integer,
	"residual_vulnerability_level" integer,
	"residual_impact" integer,
	"residual_value" integer,
	"residual_level" integer,
	"residual_evaluation" text,
	"residual_status" text DEFAULT 'none' NOT NULL,
	"residual_acceptance_id" uuid,
	"residual_approval_id" uuid,
	"residual_accepted_by" uuid,
	"residual_accepted_at" timestamp with time zone,
	"retention_status" text DEFAULT 'none' NOT NULL,
	"retention_approval_id" uuid,
	"owner_user_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risks_combination_key" UNIQUE NULLS NOT DISTINCT("organization_id","asset_id","threat_id","vulnerability_id")
);
--> statement-breakpoint
CREATE TABLE "threats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"group_id" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"description" jsonb NOT NULL,
	"origin" text[] DEFAULT '{}'::text[] NOT NULL,
	"affects" text[] DEFAULT '{}'::text[] NOT NULL,
	"asset_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_likelihood" integer NOT NULL,
	"related_controls" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text DEFAULT 'custom' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treatment_action_controls" (
	"organization_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	CONSTRAINT "treatment_action_controls_action_id_control_id_pk" PRIMARY KEY("action_id","control_id")
);
--> statement-breakpoint
CREATE TABLE "treatment_action_risks" (
	"organization_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	CONSTRAINT "treatment_action_risks_action_id_risk_id_pk" PRIMARY KEY("action_id","risk_id")
);
--> statement-breakpoint
CREATE TABLE "treatment_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"priority" text DEFAULT 'medium' NOT NULL,
	"due_date" date,
	"resources" text DEFAULT '' NOT NULL,
	"budget" bigint,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vulnerabilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"group_id" text NOT NULL,
	"name_ja" text NOT NULL,
	"name_en" text NOT NULL,
	"description" jsonb NOT NULL,
	"asset_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_level" integer NOT NULL,
	"exploited_by" text[] DEFAULT '{}'::text[] NOT NULL,
	"related_controls" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text DEFAULT 'custom' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "residual_acceptances" ADD CONSTRAINT "residual_acceptances_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residual_acceptances" ADD CONSTRAINT "residual_acceptances_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residual_acceptances" ADD CONSTRAINT "residual_acceptances_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_entries" ADD CONSTRAINT "risk_assessment_entries_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessment_entries" ADD CONSTRAINT "risk_assessment_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_method_id_risk_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."risk_methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_methods" ADD CONSTRAINT "risk_methods_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_methods" ADD CONSTRAINT "risk_methods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_methods" ADD CONSTRAINT "risk_methods_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_methods" ADD CONSTRAINT "risk_methods_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_threat_id_threats_id_fk" FOREIGN KEY ("threat_id") REFERENCES "public"."threats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_vulnerability_id_vulnerabilities_id_fk" FOREIGN KEY ("vulnerability_id") REFERENCES "public"."vulnerabilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_residual_acceptance_id_residual_acceptances_id_fk" FOREIGN KEY ("residual_acceptance_id") REFERENCES "public"."residual_acceptances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_residual_accepted_by_users_id_fk" FOREIGN KEY ("residual_accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threats" ADD CONSTRAINT "threats_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_action_controls" ADD CONSTRAINT "treatment_action_controls_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_action_controls" ADD CONSTRAINT "treatment_action_controls_action_id_treatment_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."treatment_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_action_risks" ADD CONSTRAINT "treatment_action_risks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_action_risks" ADD CONSTRAINT "treatment_action_risks_action_id_treatment_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."treatment_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_action_risks" ADD CONSTRAINT "treatment_action_risks_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_actions" ADD CONSTRAINT "treatment_actions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_actions" ADD CONSTRAINT "treatment_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerabilities" ADD CONSTRAINT "vulnerabilities_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "residual_acceptances_created_idx" ON "residual_acceptances" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_assessments_number_key" ON "risk_assessments" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "risk_controls_control_idx" ON "risk_controls" USING btree ("organization_id","role","control_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_methods_number_key" ON "risk_methods" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "risk_methods_status_idx" ON "risk_methods" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_code_key" ON "risks" USING btree ("organization_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_seq_key" ON "risks" USING btree ("organization_id","seq");--> statement-breakpoint
CREATE INDEX "risks_value_idx" ON "risks" USING btree ("organization_id",coalesce("value", -1),"id");--> statement-breakpoint
CREATE INDEX "risks_residual_value_idx" ON "risks" USING btree ("organization_id",coalesce("residual_value", -1),"id");--> statement-breakpoint
CREATE INDEX "risks_updated_idx" ON "risks" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "risks_threat_idx" ON "risks" USING btree ("organization_id","threat_id","code");--> statement-breakpoint
CREATE INDEX "risks_owner_idx" ON "risks" USING btree ("organization_id","owner_user_id","code");--> statement-breakpoint
CREATE INDEX "risks_level_idx" ON "risks" USING btree ("organization_id","level","code");--> statement-breakpoint
CREATE INDEX "risks_vulnerability_idx" ON "risks" USING btree ("vulnerability_id");--> statement-breakpoint
CREATE INDEX "risks_residual_acceptance_idx" ON "risks" USING btree ("residual_acceptance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "threats_code_key" ON "threats" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "treatment_action_controls_control_idx" ON "treatment_action_controls" USING btree ("organization_id","control_id");--> statement-breakpoint
CREATE INDEX "treatment_action_risks_risk_idx" ON "treatment_action_risks" USING btree ("organization_id","risk_id");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_actions_code_key" ON "treatment_actions" USING btree ("organization_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_actions_seq_key" ON "treatment_actions" USING btree ("organization_id","seq");--> statement-breakpoint
CREATE INDEX "treatment_actions_due_idx" ON "treatment_actions" USING btree ("organization_id",coalesce("due_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "treatment_actions_owner_idx" ON "treatment_actions" USING btree ("organization_id","owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vulnerabilities_code_key" ON "vulnerabilities" USING btree ("organization_id","code");