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
ALTER TABLE "objective_measurements" ADD CONSTRAINT "objective_measurements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measurements" ADD CONSTRAINT "objective_measurements_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measurements" ADD CONSTRAINT "objective_measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_measurements" ADD CONSTRAINT "objective_measurements_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_measurements_objective_idx" ON "objective_measurements" USING btree ("organization_id","objective_id","measured_on") WHERE "objective_measurements"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "objectives_number_key" ON "objectives" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "objectives_due_idx" ON "objectives" USING btree ("organization_id","due_date","id");--> statement-breakpoint
CREATE INDEX "objectives_owner_idx" ON "objectives" USING btree ("organization_id","owner_id");