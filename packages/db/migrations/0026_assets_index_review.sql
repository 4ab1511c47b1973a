DROP INDEX "assets_category_idx";--> statement-breakpoint
DROP INDEX "assets_status_idx";--> statement-breakpoint
CREATE INDEX "assets_retired_idx" ON "assets" USING btree ("organization_id","code") WHERE "assets"."status" = 'retired';