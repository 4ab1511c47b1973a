CREATE TABLE "soa_migration_entries" (
	"migration_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"control_id" text NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_reasons" text[] NOT NULL,
	"review" text NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "soa_migration_entries_migration_id_control_id_pk" PRIMARY KEY("migration_id","control_id"),
	CONSTRAINT "soa_migration_entries_review_check" CHECK ("soa_migration_entries"."review" in ('pending', 'confirmed'))
);
--> statement-breakpoint
CREATE TABLE "soa_migrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"source_soa_id" uuid NOT NULL,
	"source_version_id" uuid NOT NULL,
	"target_soa_id" uuid NOT NULL,
	"target_library_id" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "soas_scope_key";--> statement-breakpoint
ALTER TABLE "soa_migration_entries" ADD CONSTRAINT "soa_migration_entries_migration_id_soa_migrations_id_fk" FOREIGN KEY ("migration_id") REFERENCES "public"."soa_migrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_migration_entries" ADD CONSTRAINT "soa_migration_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_migration_entries" ADD CONSTRAINT "soa_migration_entries_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_migrations" ADD CONSTRAINT "soa_migrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_migrations" ADD CONSTRAINT "soa_migrations_source_soa_id_soas_id_fk" FOREIGN KEY ("source_soa_id") REFERENCES "public"."soas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_migrations" ADD CONSTRAINT "soa_migrations_source_version_id_soa_versions_id_fk" FOREIGN KEY ("source_version_id") REFERENCES "public"."soa_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_migrations" ADD CONSTRAINT "soa_migrations_target_soa_id_soas_id_fk" FOREIGN KEY ("target_soa_id") REFERENCES "public"."soas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_migrations" ADD CONSTRAINT "soa_migrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "soa_migration_entries_org_idx" ON "soa_migration_entries" USING btree ("organization_id","migration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "soa_migrations_source_key" ON "soa_migrations" USING btree ("organization_id","source_soa_id","target_library_id");--> statement-breakpoint
CREATE UNIQUE INDEX "soa_migrations_target_key" ON "soa_migrations" USING btree ("target_soa_id");--> statement-breakpoint
CREATE UNIQUE INDEX "soas_scope_key" ON "soas" USING btree ("organization_id","scope_version_id","library_id");