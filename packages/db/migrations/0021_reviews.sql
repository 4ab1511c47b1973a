CREATE TABLE "interested_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"expectations" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interested_parties_kind_check" CHECK ("interested_parties"."kind" in ('customer', 'regulator', 'employee', 'supplier', 'shareholder', 'partner', 'community', 'other'))
);
--> statement-breakpoint
CREATE TABLE "interested_party_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"channel" text DEFAULT 'other' NOT NULL,
	"content" text NOT NULL,
	"sentiment" text DEFAULT 'neutral' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"responded_on" date,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interested_party_feedback_channel_check" CHECK ("interested_party_feedback"."channel" in ('meeting', 'email', 'survey', 'complaint', 'audit', 'other')),
	CONSTRAINT "interested_party_feedback_sentiment_check" CHECK ("interested_party_feedback"."sentiment" in ('positive', 'neutral', 'negative'))
);
--> statement-breakpoint
CREATE TABLE "management_review_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"role" text NOT NULL,
	"attended" boolean,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "management_review_attendees_role_check" CHECK ("management_review_attendees"."role" in ('top_management', 'isms_manager', 'other')),
	CONSTRAINT "management_review_attendees_who_check" CHECK ("management_review_attendees"."user_id" is not null or length("management_review_attendees"."name") > 0)
);
--> statement-breakpoint
CREATE TABLE "management_review_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"output" text NOT NULL,
	"procedure_reason" text,
	"amount" bigint,
	"currency" text DEFAULT 'JPY' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"input_sections" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"improvement_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_review_decisions_output_check" CHECK ("management_review_decisions"."output" in ('effectiveness', 'procedure', 'resources')),
	CONSTRAINT "management_review_decisions_reason_check" CHECK (("management_review_decisions"."output" = 'procedure') = ("management_review_decisions"."procedure_reason" is not null) and ("management_review_decisions"."procedure_reason" is null or "management_review_decisions"."procedure_reason" in ('business', 'security', 'process', 'legal', 'risk_level'))),
	CONSTRAINT "management_review_decisions_amount_check" CHECK ("management_review_decisions"."amount" is null or ("management_review_decisions"."output" = 'resources' and "management_review_decisions"."amount" >= 0))
);
--> statement-breakpoint
CREATE TABLE "management_review_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"section" text NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"figures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"omitted" integer DEFAULT 0 NOT NULL,
	"discussion" text DEFAULT '' NOT NULL,
	"compiled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_review_inputs_section_check" CHECK ("management_review_inputs"."section" in ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'readiness', 'incidents', 'objectives'))
);
--> statement-breakpoint
CREATE TABLE "management_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"planned_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"agenda" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"period_start" date,
	"inputs_prepared_at" timestamp with time zone,
	"inputs_prepared_by" uuid,
	"held_on" date,
	"minutes_summary" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"distributed_at" timestamp with time zone,
	"distributed_by" uuid,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_reviews_status_check" CHECK ("management_reviews"."status" in ('planned', 'inputs_prepared', 'held', 'submitted', 'approved', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "review_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"interval_months" integer DEFAULT 12 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_settings_interval_check" CHECK ("review_settings"."interval_months" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "interested_parties" ADD CONSTRAINT "interested_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interested_party_feedback" ADD CONSTRAINT "interested_party_feedback_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interested_party_feedback" ADD CONSTRAINT "interested_party_feedback_party_id_interested_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."interested_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interested_party_feedback" ADD CONSTRAINT "interested_party_feedback_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_attendees" ADD CONSTRAINT "management_review_attendees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_attendees" ADD CONSTRAINT "management_review_attendees_review_id_management_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."management_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_attendees" ADD CONSTRAINT "management_review_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_decisions" ADD CONSTRAINT "management_review_decisions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_decisions" ADD CONSTRAINT "management_review_decisions_review_id_management_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."management_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_decisions" ADD CONSTRAINT "management_review_decisions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_decisions" ADD CONSTRAINT "management_review_decisions_improvement_id_improvements_id_fk" FOREIGN KEY ("improvement_id") REFERENCES "public"."improvements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_inputs" ADD CONSTRAINT "management_review_inputs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_review_inputs" ADD CONSTRAINT "management_review_inputs_review_id_management_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."management_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_inputs_prepared_by_users_id_fk" FOREIGN KEY ("inputs_prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_distributed_by_users_id_fk" FOREIGN KEY ("distributed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_settings" ADD CONSTRAINT "review_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "interested_parties_name_key" ON "interested_parties" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "interested_party_feedback_org_idx" ON "interested_party_feedback" USING btree ("organization_id","received_on");--> statement-breakpoint
CREATE INDEX "interested_party_feedback_party_idx" ON "interested_party_feedback" USING btree ("party_id","received_on");--> statement-breakpoint
CREATE INDEX "management_review_attendees_review_idx" ON "management_review_attendees" USING btree ("review_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "management_review_attendees_user_key" ON "management_review_attendees" USING btree ("review_id","user_id") WHERE "management_review_attendees"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "management_review_decisions_number_key" ON "management_review_decisions" USING btree ("review_id","number");--> statement-breakpoint
CREATE INDEX "management_review_decisions_org_idx" ON "management_review_decisions" USING btree ("organization_id","review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "management_review_inputs_section_key" ON "management_review_inputs" USING btree ("review_id","section");--> statement-breakpoint
CREATE UNIQUE INDEX "management_reviews_number_key" ON "management_reviews" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "management_reviews_org_planned_idx" ON "management_reviews" USING btree ("organization_id","planned_on");--> statement-breakpoint
-- The input pack is a snapshot: once compiled its figures and items never change,
-- and its rows are never deleted; only the minutes' discussion may be written.
CREATE FUNCTION mamoru_review_input_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.figures IS DISTINCT FROM OLD.figures OR NEW.items IS DISTINCT FROM OLD.items
     OR NEW.omitted <> OLD.omitted OR NEW.available <> OLD.available OR NEW.section <> OLD.section
     OR NEW.review_id <> OLD.review_id OR NEW.compiled_at <> OLD.compiled_at THEN
    RAISE EXCEPTION 'a management review input snapshot cannot be changed or deleted'
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER management_review_inputs_frozen BEFORE UPDATE OR DELETE ON management_review_inputs
  FOR EACH ROW EXECUTE FUNCTION mamoru_review_input_frozen();
