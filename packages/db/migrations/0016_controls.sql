ALTER TABLE "organizations" ADD COLUMN "setup_completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "segregate_author" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "proposal" jsonb;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "integrity_failed_at" timestamp with time zone;--> statement-breakpoint
-- Requests already waiting keep the segregation of duties their type had when they were made.
UPDATE "approvals" a SET "segregate_author" = p."segregate_author"
  FROM "approval_policies" p
  WHERE p."organization_id" = a."organization_id" AND p."approval_type" = a."approval_type"
    AND a."status" = 'pending';
--> statement-breakpoint
-- Organizations that already have top management are past their first-run set-up.
UPDATE "organizations" o SET "setup_completed_at" = now()
  WHERE EXISTS (SELECT 1 FROM "users" u
    WHERE u."organization_id" = o."id" AND 'top_management' = ANY(u."roles"));
