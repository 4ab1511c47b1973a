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
ALTER TABLE "conformity_attestations" ADD CONSTRAINT "conformity_attestations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conformity_attestations" ADD CONSTRAINT "conformity_attestations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conformity_attestations" ADD CONSTRAINT "conformity_attestations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conformity_attestations_item_idx" ON "conformity_attestations" USING btree ("organization_id","item_id","valid_until");--> statement-breakpoint
CREATE INDEX "conformity_attestations_list_idx" ON "conformity_attestations" USING btree ("organization_id","valid_until","id");--> statement-breakpoint
CREATE INDEX "conformity_attestations_approved_idx" ON "conformity_attestations" USING btree ("organization_id","valid_until") WHERE "conformity_attestations"."status" = 'approved';