DROP INDEX "risks_value_idx";--> statement-breakpoint
DROP INDEX "risks_residual_value_idx";--> statement-breakpoint
DROP INDEX "risks_level_idx";--> statement-breakpoint
DROP INDEX "risks_level_value_idx";--> statement-breakpoint
ALTER TABLE "risks" DROP COLUMN "asset_value";--> statement-breakpoint
ALTER TABLE "risks" DROP COLUMN "value";--> statement-breakpoint
ALTER TABLE "risks" DROP COLUMN "level";--> statement-breakpoint
ALTER TABLE "risks" DROP COLUMN "evaluation";--> statement-breakpoint
ALTER TABLE "risks" DROP COLUMN "residual_value";--> statement-breakpoint
ALTER TABLE "risks" DROP COLUMN "residual_level";--> statement-breakpoint
ALTER TABLE "risks" DROP COLUMN "residual_evaluation";