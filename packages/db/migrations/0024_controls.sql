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
ALTER TABLE "record_types" ADD COLUMN "control_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
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