-- Trigram indexes make substring search (ILIKE '%暗号%') fast in every language. pg_trgm is a
-- trusted extension: the database owner may create it (PostgreSQL 13+); PGlite loads it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "catalog_libraries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_id" text NOT NULL,
	"organization_id" uuid,
	"version" text NOT NULL,
	"name" jsonb NOT NULL,
	"publisher" jsonb,
	"description" jsonb,
	"origin" text NOT NULL,
	"document" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_libraries_origin_check" CHECK ("catalog_libraries"."origin" in ('shipped', 'native', 'oscal')),
	CONSTRAINT "catalog_libraries_shipped_check" CHECK (("catalog_libraries"."origin" = 'shipped') = ("catalog_libraries"."organization_id" is null))
);
--> statement-breakpoint
CREATE TABLE "catalog_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"library_id" uuid NOT NULL,
	"namespace" text NOT NULL,
	"node_id" text NOT NULL,
	"parent_id" text,
	"ancestor_ids" text[] NOT NULL,
	"kind" text NOT NULL,
	"display_id" text NOT NULL,
	"position" integer NOT NULL,
	"depth" integer NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb,
	"guidance" jsonb,
	"params" jsonb,
	"organization_id" uuid,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_nodes_namespace_check" CHECK ("catalog_nodes"."namespace" in ('requirement', 'control')),
	CONSTRAINT "catalog_nodes_kind_check" CHECK ("catalog_nodes"."kind" in ('requirement', 'domain', 'objective', 'group', 'control'))
);
--> statement-breakpoint
CREATE TABLE "catalog_overlays" (
	"organization_id" uuid NOT NULL,
	"library_id" uuid NOT NULL,
	"namespace" text NOT NULL,
	"node_id" text NOT NULL,
	"text" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_overlays_organization_id_library_id_namespace_node_id_pk" PRIMARY KEY("organization_id","library_id","namespace","node_id")
);
--> statement-breakpoint
ALTER TABLE "catalog_libraries" ADD CONSTRAINT "catalog_libraries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_nodes" ADD CONSTRAINT "catalog_nodes_library_id_catalog_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."catalog_libraries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_nodes" ADD CONSTRAINT "catalog_nodes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_overlays" ADD CONSTRAINT "catalog_overlays_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_overlays" ADD CONSTRAINT "catalog_overlays_library_id_catalog_libraries_id_fk" FOREIGN KEY ("library_id") REFERENCES "public"."catalog_libraries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_libraries_key" ON "catalog_libraries" USING btree (coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"library_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_nodes_key" ON "catalog_nodes" USING btree ("library_id","namespace",coalesce("organization_id", '00000000-0000-0000-0000-000000000000'::uuid),"node_id");--> statement-breakpoint
CREATE INDEX "catalog_nodes_order_idx" ON "catalog_nodes" USING btree ("library_id","namespace","position");--> statement-breakpoint
CREATE INDEX "catalog_nodes_search_idx" ON "catalog_nodes" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_overlays_search_idx" ON "catalog_overlays" USING gin ("search_text" gin_trgm_ops);