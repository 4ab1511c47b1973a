CREATE TABLE "risk_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"confidentiality" integer,
	"integrity" integer,
	"availability" integer,
	"affects" text[] DEFAULT '{}'::text[] NOT NULL,
	"likelihood" integer NOT NULL,
	"vulnerability_level" integer NOT NULL,
	"impact" integer,
	"residual_likelihood" integer,
	"residual_vulnerability_level" integer,
	"residual_impact" integer,
	"treated" boolean NOT NULL,
	"asset_value" integer,
	"value" integer,
	"level" integer,
	"evaluation" text,
	"residual_value" integer,
	"residual_level" integer,
	"residual_evaluation" text
);
--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "score_id" uuid;--> statement-breakpoint
ALTER TABLE "risk_scores" ADD CONSTRAINT "risk_scores_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "risk_scores_inputs_key" ON "risk_scores" USING btree ("organization_id",coalesce("confidentiality", -1),coalesce("integrity", -1),coalesce("availability", -1),"affects","likelihood","vulnerability_level",coalesce("impact", -1),coalesce("residual_likelihood", -1),coalesce("residual_vulnerability_level", -1),coalesce("residual_impact", -1),"treated");--> statement-breakpoint
CREATE INDEX "risk_scores_value_idx" ON "risk_scores" USING btree ("organization_id",coalesce("value", -1),"id");--> statement-breakpoint
CREATE INDEX "risk_scores_residual_value_idx" ON "risk_scores" USING btree ("organization_id",coalesce("residual_value", -1),"id");--> statement-breakpoint
CREATE INDEX "risk_scores_level_value_idx" ON "risk_scores" USING btree ("organization_id","level",coalesce("value", -1),"id");--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_score_id_risk_scores_id_fk" FOREIGN KEY ("score_id") REFERENCES "public"."risk_scores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risks_score_idx" ON "risks" USING btree ("organization_id","score_id","id");--> statement-breakpoint
-- hand-written: backfill risk_scores with the values the risks store now (computed by the method in force), so every risk reads the same values right after migrating; where risks with the same inputs disagree (a stale row), the key takes the values most of them have
INSERT INTO "risk_scores" ("organization_id", "confidentiality", "integrity", "availability", "affects", "likelihood", "vulnerability_level", "impact", "residual_likelihood", "residual_vulnerability_level", "residual_impact", "treated", "asset_value", "value", "level", "evaluation", "residual_value", "residual_level", "residual_evaluation")
SELECT DISTINCT ON (g.organization_id, coalesce(g.confidentiality, -1), coalesce(g.integrity, -1), coalesce(g.availability, -1), g.affects, g.likelihood, g.vulnerability_level, coalesce(g.impact, -1), coalesce(g.residual_likelihood, -1), coalesce(g.residual_vulnerability_level, -1), coalesce(g.residual_impact, -1), g.treated)
  g.organization_id, g.confidentiality, g.integrity, g.availability, g.affects, g.likelihood, g.vulnerability_level, g.impact, g.residual_likelihood, g.residual_vulnerability_level, g.residual_impact, g.treated, g.asset_value, g.value, g.level, g.evaluation, g.residual_value, g.residual_level, g.residual_evaluation
FROM (
  SELECT r.organization_id, a.confidentiality, a.integrity, a.availability, t.affects, r.likelihood, r.vulnerability_level, r.impact, r.residual_likelihood, r.residual_vulnerability_level, r.residual_impact, r.treatment_option IS NOT NULL AS treated, r.asset_value, r.value, r.level, r.evaluation, r.residual_value, r.residual_level, r.residual_evaluation, count(*) AS n
  FROM "risks" r JOIN "assets" a ON a.id = r.asset_id JOIN "threats" t ON t.id = r.threat_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19
) g
ORDER BY g.organization_id, coalesce(g.confidentiality, -1), coalesce(g.integrity, -1), coalesce(g.availability, -1), g.affects, g.likelihood, g.vulnerability_level, coalesce(g.impact, -1), coalesce(g.residual_likelihood, -1), coalesce(g.residual_vulnerability_level, -1), coalesce(g.residual_impact, -1), g.treated, g.n DESC;--> statement-breakpoint
UPDATE "risks" r SET "score_id" = k.id
FROM "assets" a, "threats" t, "risk_scores" k
WHERE a.id = r.asset_id AND t.id = r.threat_id AND k.organization_id = r.organization_id
  AND coalesce(k.confidentiality, -1) = coalesce(a.confidentiality, -1) AND coalesce(k.integrity, -1) = coalesce(a.integrity, -1) AND coalesce(k.availability, -1) = coalesce(a.availability, -1)
  AND k.affects = t.affects AND k.likelihood = r.likelihood AND k.vulnerability_level = r.vulnerability_level AND coalesce(k.impact, -1) = coalesce(r.impact, -1)
  AND coalesce(k.residual_likelihood, -1) = coalesce(r.residual_likelihood, -1) AND coalesce(k.residual_vulnerability_level, -1) = coalesce(r.residual_vulnerability_level, -1) AND coalesce(k.residual_impact, -1) = coalesce(r.residual_impact, -1)
  AND k.treated = (r.treatment_option IS NOT NULL);
--> statement-breakpoint
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