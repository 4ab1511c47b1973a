CREATE TABLE "incident_assets" (
	"incident_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	CONSTRAINT "incident_assets_incident_id_asset_id_pk" PRIMARY KEY("incident_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "incident_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"obligation_id" uuid,
	"recipient" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"channel" text DEFAULT 'other' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"sent_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"preset_key" text,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"recipient" text DEFAULT '' NOT NULL,
	"applies_to_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"requires_personal_data" boolean DEFAULT false NOT NULL,
	"deadline_days" integer,
	"deadline_days_wrongful_intent" integer,
	"deadline_hours" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_obligations_deadline_check" CHECK (("incident_obligations"."deadline_days" is null or "incident_obligations"."deadline_days" >= 0) and ("incident_obligations"."deadline_hours" is null or "incident_obligations"."deadline_hours" >= 0))
);
--> statement-breakpoint
CREATE TABLE "incident_risks" (
	"incident_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"reassessment_requested_at" timestamp with time zone,
	"reassessment_requested_by" uuid,
	CONSTRAINT "incident_risks_incident_id_risk_id_pk" PRIMARY KEY("incident_id","risk_id")
);
--> statement-breakpoint
CREATE TABLE "incident_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"team_role_id" uuid,
	"team_unit_id" uuid,
	"triage_target_hours" integer DEFAULT 24 NOT NULL,
	"priority_matrix" jsonb,
	"time_zone" text DEFAULT 'Asia/Tokyo' NOT NULL,
	"record_type_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"from_status" text,
	"to_status" text,
	"text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_timeline_kind_check" CHECK ("incident_timeline"."kind" in ('status', 'action', 'note', 'notification', 'report'))
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone,
	"discovered_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reporter_id" uuid,
	"channel" text DEFAULT 'web' NOT NULL,
	"external_ref" text,
	"repeat_count" integer DEFAULT 0 NOT NULL,
	"unit_id" uuid,
	"location_id" uuid,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"severity" text,
	"urgency" text,
	"priority" integer,
	"confidential" boolean DEFAULT false NOT NULL,
	"affects_confidentiality" boolean DEFAULT false NOT NULL,
	"affects_integrity" boolean DEFAULT false NOT NULL,
	"affects_availability" boolean DEFAULT false NOT NULL,
	"personal_data" boolean DEFAULT false NOT NULL,
	"personal_records" integer,
	"personal_data_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"wrongful_intent" boolean DEFAULT false NOT NULL,
	"assignee_id" uuid,
	"triaged_at" timestamp with time zone,
	"triaged_by" uuid,
	"contained_at" timestamp with time zone,
	"eradicated_at" timestamp with time zone,
	"recovered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"volume" integer,
	"volume_unit" text DEFAULT '' NOT NULL,
	"downtime_minutes" integer,
	"cost_response" bigint,
	"cost_recovery" bigint,
	"cost_loss" bigint,
	"root_cause" text DEFAULT '' NOT NULL,
	"lessons_learned" text DEFAULT '' NOT NULL,
	"recurrence_prevention" text DEFAULT '' NOT NULL,
	"record_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_type_check" CHECK ("incidents"."type" in ('incident', 'suspected', 'weakness', 'malfunction', 'near_miss')),
	CONSTRAINT "incidents_status_check" CHECK ("incidents"."status" in ('reported', 'triaged', 'contained', 'eradicated', 'recovered', 'closed')),
	CONSTRAINT "incidents_severity_check" CHECK ("incidents"."severity" is null or "incidents"."severity" in ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "incidents_urgency_check" CHECK ("incidents"."urgency" is null or "incidents"."urgency" in ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "incidents_priority_check" CHECK ("incidents"."priority" is null or "incidents"."priority" between 1 and 4),
	CONSTRAINT "incidents_channel_check" CHECK ("incidents"."channel" in ('web', 'api')),
	CONSTRAINT "incidents_closed_lessons_check" CHECK ("incidents"."status" <> 'closed' or length(btrim("incidents"."lessons_learned")) > 0)
);
--> statement-breakpoint
CREATE TABLE "isms_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"category" text NOT NULL,
	"source" text NOT NULL,
	"action" text,
	"entity_type" text,
	"entity_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"impact" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "isms_events_source_check" CHECK ("isms_events"."source" in ('auto', 'manual')),
	CONSTRAINT "isms_events_category_check" CHECK ("isms_events"."category" in ('scope', 'policy', 'risk', 'soa', 'organization', 'people', 'audit', 'review', 'improvement', 'incident', 'legal', 'technology', 'supplier', 'other'))
);
--> statement-breakpoint
ALTER TABLE "incident_assets" ADD CONSTRAINT "incident_assets_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_assets" ADD CONSTRAINT "incident_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_notifications" ADD CONSTRAINT "incident_notifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_notifications" ADD CONSTRAINT "incident_notifications_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_notifications" ADD CONSTRAINT "incident_notifications_obligation_id_incident_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."incident_obligations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_notifications" ADD CONSTRAINT "incident_notifications_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_obligations" ADD CONSTRAINT "incident_obligations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_risks" ADD CONSTRAINT "incident_risks_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_risks" ADD CONSTRAINT "incident_risks_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_risks" ADD CONSTRAINT "incident_risks_reassessment_requested_by_users_id_fk" FOREIGN KEY ("reassessment_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_settings" ADD CONSTRAINT "incident_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_settings" ADD CONSTRAINT "incident_settings_team_role_id_isms_roles_id_fk" FOREIGN KEY ("team_role_id") REFERENCES "public"."isms_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_settings" ADD CONSTRAINT "incident_settings_team_unit_id_org_units_id_fk" FOREIGN KEY ("team_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_settings" ADD CONSTRAINT "incident_settings_record_type_id_record_types_id_fk" FOREIGN KEY ("record_type_id") REFERENCES "public"."record_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_triaged_by_users_id_fk" FOREIGN KEY ("triaged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_events" ADD CONSTRAINT "isms_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_events" ADD CONSTRAINT "isms_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_notifications_incident_idx" ON "incident_notifications" USING btree ("incident_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_obligations_preset_key" ON "incident_obligations" USING btree ("organization_id","preset_key") WHERE "incident_obligations"."preset_key" is not null;--> statement-breakpoint
CREATE INDEX "incident_timeline_incident_idx" ON "incident_timeline" USING btree ("incident_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_number_key" ON "incidents" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_external_ref_open_key" ON "incidents" USING btree ("organization_id","external_ref") WHERE "incidents"."external_ref" is not null and "incidents"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "incidents_org_status_idx" ON "incidents" USING btree ("organization_id","status","discovered_at");--> statement-breakpoint
CREATE INDEX "incidents_org_reporter_idx" ON "incidents" USING btree ("organization_id","reporter_id");--> statement-breakpoint
CREATE INDEX "isms_events_org_time_idx" ON "isms_events" USING btree ("organization_id","occurred_at");