CREATE TABLE "training_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"session_id" uuid,
	"user_id" uuid NOT NULL,
	"attended_on" date NOT NULL,
	"status" text DEFAULT 'attended' NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"evaluation_result" text,
	"evaluated_by" uuid,
	"evaluated_on" date,
	"evaluation_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_status_check" CHECK ("training_attendance"."status" in ('attended', 'absent')),
	CONSTRAINT "training_attendance_source_check" CHECK ("training_attendance"."source" in ('trainer', 'manager', 'import', 'self')),
	CONSTRAINT "training_attendance_result_check" CHECK ("training_attendance"."evaluation_result" is null or "training_attendance"."evaluation_result" in ('effective', 'not_effective')),
	CONSTRAINT "training_attendance_not_self_evaluated" CHECK ("training_attendance"."evaluated_by" is null or "training_attendance"."evaluated_by" <> "training_attendance"."user_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"delivery" text DEFAULT 'classroom' NOT NULL,
	"evaluation" text DEFAULT 'none' NOT NULL,
	"pass_mark" integer DEFAULT 80 NOT NULL,
	"interval_months" integer,
	"audience_all" boolean DEFAULT false NOT NULL,
	"audience_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience_role_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"material_document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_kind_check" CHECK ("training_courses"."kind" in ('awareness', 'role', 'other')),
	CONSTRAINT "training_courses_delivery_check" CHECK ("training_courses"."delivery" in ('classroom', 'elearning', 'on_the_job')),
	CONSTRAINT "training_courses_evaluation_check" CHECK ("training_courses"."evaluation" in ('quiz', 'supervisor', 'none')),
	CONSTRAINT "training_courses_pass_mark_check" CHECK ("training_courses"."pass_mark" between 1 and 100),
	CONSTRAINT "training_courses_interval_check" CHECK ("training_courses"."interval_months" is null or "training_courses"."interval_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "training_quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"question_count" integer NOT NULL,
	"correct_count" integer NOT NULL,
	"score" integer NOT NULL,
	"pass_mark" integer NOT NULL,
	"passed" boolean NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_quiz_attempts_counts_check" CHECK ("training_quiz_attempts"."correct_count" between 0 and "training_quiz_attempts"."question_count")
);
--> statement-breakpoint
CREATE TABLE "training_quiz_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"question" text NOT NULL,
	"question_en" text DEFAULT '' NOT NULL,
	"choices" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"held_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"trainer_user_id" uuid,
	"trainer_name" text DEFAULT '' NOT NULL,
	"material_document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience_role_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_status_check" CHECK ("training_sessions"."status" in ('planned', 'held', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "committee_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"attendee_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_meetings_status_check" CHECK ("committee_meetings"."status" in ('planned', 'held'))
);
--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" text DEFAULT 'member' NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_members_position_check" CHECK ("committee_members"."position" in ('chair', 'secretary', 'member'))
);
--> statement-breakpoint
CREATE TABLE "competence_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"role_id" uuid,
	"job_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"course_id" uuid,
	"renewal_months" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_requirements_kind_check" CHECK ("competence_requirements"."kind" in ('skill', 'qualification', 'training')),
	CONSTRAINT "competence_requirements_target_check" CHECK (num_nonnulls("competence_requirements"."role_id", "competence_requirements"."job_id") = 1),
	CONSTRAINT "competence_requirements_course_check" CHECK (("competence_requirements"."kind" = 'training') = ("competence_requirements"."course_id" is not null)),
	CONSTRAINT "competence_requirements_renewal_check" CHECK ("competence_requirements"."renewal_months" is null or "competence_requirements"."renewal_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "isms_role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text DEFAULT 'holder' NOT NULL,
	"org_unit_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"note" text DEFAULT '' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_role_version" integer,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "isms_role_assignments_kind_check" CHECK ("isms_role_assignments"."kind" in ('holder', 'deputy')),
	CONSTRAINT "isms_role_assignments_dates_check" CHECK ("isms_role_assignments"."ends_on" is null or "isms_role_assignments"."ends_on" >= "isms_role_assignments"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "isms_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"responsibilities" text DEFAULT '' NOT NULL,
	"responsibilities_en" text DEFAULT '' NOT NULL,
	"app_role" text,
	"requires_deputy" boolean DEFAULT false NOT NULL,
	"per_unit" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"security_responsibilities" text DEFAULT '' NOT NULL,
	"security_responsibilities_en" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"disciplinary_document_id" uuid,
	"expiry_warning_days" integer DEFAULT 90 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_settings_warning_check" CHECK ("people_settings"."expiry_warning_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE "person_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"signed_on" date NOT NULL,
	"expires_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_agreements_kind_check" CHECK ("person_agreements"."kind" in ('confidentiality', 'employment_terms', 'acceptable_use'))
);
--> statement-breakpoint
CREATE TABLE "person_competences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"issuer" text DEFAULT '' NOT NULL,
	"requirement_id" uuid,
	"obtained_on" date,
	"expires_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_competences_kind_check" CHECK ("person_competences"."kind" in ('qualification', 'certificate', 'skill')),
	CONSTRAINT "person_competences_dates_check" CHECK ("person_competences"."expires_on" is null or "person_competences"."obtained_on" is null or "person_competences"."expires_on" >= "person_competences"."obtained_on")
);
--> statement-breakpoint
CREATE TABLE "person_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"job_id" uuid,
	"education" text DEFAULT '' NOT NULL,
	"experience" text DEFAULT '' NOT NULL,
	"joined_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_quiz_attempts" ADD CONSTRAINT "training_quiz_attempts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_quiz_attempts" ADD CONSTRAINT "training_quiz_attempts_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_quiz_attempts" ADD CONSTRAINT "training_quiz_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_quiz_questions" ADD CONSTRAINT "training_quiz_questions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_quiz_questions" ADD CONSTRAINT "training_quiz_questions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_trainer_user_id_users_id_fk" FOREIGN KEY ("trainer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_requirements" ADD CONSTRAINT "competence_requirements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_requirements" ADD CONSTRAINT "competence_requirements_role_id_isms_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."isms_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_requirements" ADD CONSTRAINT "competence_requirements_job_id_job_definitions_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_requirements" ADD CONSTRAINT "competence_requirements_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competence_requirements" ADD CONSTRAINT "competence_requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_role_assignments" ADD CONSTRAINT "isms_role_assignments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_role_assignments" ADD CONSTRAINT "isms_role_assignments_role_id_isms_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."isms_roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_role_assignments" ADD CONSTRAINT "isms_role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_role_assignments" ADD CONSTRAINT "isms_role_assignments_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_role_assignments" ADD CONSTRAINT "isms_role_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_roles" ADD CONSTRAINT "isms_roles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "isms_roles" ADD CONSTRAINT "isms_roles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_definitions" ADD CONSTRAINT "job_definitions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_settings" ADD CONSTRAINT "people_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people_settings" ADD CONSTRAINT "people_settings_disciplinary_document_id_documents_id_fk" FOREIGN KEY ("disciplinary_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_agreements" ADD CONSTRAINT "person_agreements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_agreements" ADD CONSTRAINT "person_agreements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_agreements" ADD CONSTRAINT "person_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_competences" ADD CONSTRAINT "person_competences_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_competences" ADD CONSTRAINT "person_competences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_competences" ADD CONSTRAINT "person_competences_requirement_id_competence_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."competence_requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_competences" ADD CONSTRAINT "person_competences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_profiles" ADD CONSTRAINT "person_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_profiles" ADD CONSTRAINT "person_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_profiles" ADD CONSTRAINT "person_profiles_job_id_job_definitions_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_session_user_key" ON "training_attendance" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "training_attendance_user_idx" ON "training_attendance" USING btree ("organization_id","user_id","course_id");--> statement-breakpoint
CREATE INDEX "training_attendance_course_idx" ON "training_attendance" USING btree ("organization_id","course_id","attended_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_number_key" ON "training_courses" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "training_quiz_attempts_user_idx" ON "training_quiz_attempts" USING btree ("organization_id","user_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_quiz_questions_position_key" ON "training_quiz_questions" USING btree ("course_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_number_key" ON "training_sessions" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("organization_id","course_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_meetings_number_key" ON "committee_meetings" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_members_current_key" ON "committee_members" USING btree ("organization_id","user_id") WHERE "committee_members"."left_on" is null;--> statement-breakpoint
CREATE INDEX "competence_requirements_role_idx" ON "competence_requirements" USING btree ("organization_id","role_id");--> statement-breakpoint
CREATE INDEX "competence_requirements_job_idx" ON "competence_requirements" USING btree ("organization_id","job_id");--> statement-breakpoint
CREATE INDEX "isms_role_assignments_role_idx" ON "isms_role_assignments" USING btree ("organization_id","role_id");--> statement-breakpoint
CREATE INDEX "isms_role_assignments_user_idx" ON "isms_role_assignments" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "isms_roles_code_key" ON "isms_roles" USING btree ("organization_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "job_definitions_code_key" ON "job_definitions" USING btree ("organization_id","code");--> statement-breakpoint
CREATE INDEX "person_agreements_user_idx" ON "person_agreements" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "person_competences_user_idx" ON "person_competences" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "person_competences_expiry_idx" ON "person_competences" USING btree ("organization_id","expires_on");--> statement-breakpoint
CREATE INDEX "person_profiles_org_job_idx" ON "person_profiles" USING btree ("organization_id","job_id");--> statement-breakpoint
-- Quiz attempts are the evidence that training worked (5.2.2.c): failed ones are
-- kept as well as passed ones, and none is ever changed or deleted.
CREATE FUNCTION mamoru_quiz_attempt_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a quiz attempt cannot be changed or deleted'
    USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER training_quiz_attempts_kept BEFORE UPDATE OR DELETE ON training_quiz_attempts
  FOR EACH ROW EXECUTE FUNCTION mamoru_quiz_attempt_kept();
