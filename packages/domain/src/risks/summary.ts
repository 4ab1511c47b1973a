import type { Db } from '@mamoru/db';
import * as catalogRepo from '@mamoru/db/repositories/risks-catalog';
import * as riskRepo from '@mamoru/db/repositories/risks';
import type { RiskView } from '@mamoru/db/repositories/risks';
import * as runs from '@mamoru/db/repositories/risks-runs';
import {
  previousApprovedMethod,
  risksOfAcceptance,
} from '@mamoru/db/repositories/approval-summaries';
import type { LocalizedText } from '@mamoru/contracts';
import { registerApprovalSummarizer } from '../approvals/summaries.ts';
import { fact, fieldChanges } from '../approvals/summary-rules.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import type { RequestContext } from '../audit/trail.ts';
import { methodOf } from './compile.ts';
import type { RiskMethod } from './method.ts';
import { RISK_METHOD_ENTITY, methodInForce } from './methods.ts';
import { bandRef } from './presenters.ts';
import { RESIDUAL_ENTITY, RETENTION_ENTITY } from './treatment.ts';

/** Most risks a residual-risk summary lists; the rest are counted. */
export const SUMMARY_RISK_LIMIT = 50;

const METHOD_LABELS = {
  formula: { ja: '算定式', en: 'Formula' },
  derivation: { ja: '資産価値', en: 'Asset value' },
  ciaScale: { ja: '資産価値（機密性・完全性・可用性）', en: 'Asset value (C, I, A)' },
  threatScale: { ja: '脅威の発生可能性', en: 'Threat likelihood' },
  vulnerabilityScale: { ja: '脆弱性', en: 'Vulnerability' },
  likelihoodScale: { ja: '発生可能性', en: 'Likelihood' },
  impactScale: { ja: '影響', en: 'Impact' },
  bands: { ja: 'リスクレベル', en: 'Risk levels' },
  acceptableLevel: { ja: '受容可能なリスクの水準', en: 'Acceptable risk level' },
  grid: { ja: '発生可能性 × 影響の表', en: 'Likelihood × impact grid' },
};
const FORMULAS: Record<string, LocalizedText> = {
  multiplicative: { ja: '資産価値 × 脅威 × 脆弱性', en: 'Asset value × threat × vulnerability' },
  additive: { ja: '資産価値 + 脅威 + 脆弱性', en: 'Asset value + threat + vulnerability' },
  likelihood_impact: { ja: '発生可能性 × 影響の表', en: 'Likelihood × impact grid' },
};
const DERIVATIONS: Record<string, LocalizedText> = {
  max: { ja: '3つのうち最大値', en: 'Highest of the three' },
  sum: { ja: '3つの合計', en: 'Sum of the three' },
  per_property: { ja: '脅威が影響する特性ごと', en: 'Per property the threat affects' },
};

type Level = { value: number; label: LocalizedText };
const levels = (scale: readonly Level[]) =>
  scale.map((l) => ({ ja: `${l.value} ${l.label.ja}`, en: `${l.value} ${l.label.en}` }));

/** The method's parts as text, scale by scale. */
function methodFields(m: RiskMethod) {
  return {
    formula: FORMULAS[m.formula.kind] ?? m.formula.kind,
    derivation: DERIVATIONS[m.derivation] ?? m.derivation,
    ciaScale: levels(m.ciaScale),
    threatScale: levels(m.threatScale),
    vulnerabilityScale: levels(m.vulnerabilityScale),
    likelihoodScale: levels(m.likelihoodScale),
    impactScale: levels(m.impactScale),
    bands: m.bands.map((b) => ({ ja: `${b.label.ja} ≥ ${b.min}`, en: `${b.label.en} ≥ ${b.min}` })),
    acceptableLevel: m.acceptableLevel,
    grid: m.formula.kind === 'likelihood_impact' ? m.formula.grid.map((r) => r.join(' ')) : '',
  };
}

registerApprovalSummarizer(RISK_METHOD_ENTITY, async (db, ctx, approval) => {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const row = await catalogRepo.getRiskMethod(db, org, approval.entityId);
  if (!row) throw notFound('risk method');
  const before = await previousApprovedMethod(db, org, row.number);
  const after = methodFields(methodOf(row.definition));
  return {
    link: '/risks/method',
    facts: [
      fact({ ja: '名称', en: 'Name' }, row.name),
      fact(METHOD_LABELS.formula, after.formula),
      fact(METHOD_LABELS.acceptableLevel, after.acceptableLevel),
    ],
    changes: {
      kind: 'fields',
      baseline: before ? { number: before.number } : null,
      items: fieldChanges(
        METHOD_LABELS,
        before ? methodFields(methodOf(before.definition)) : null,
        after,
      ),
    },
  };
});

/** A risk with its levels as the method in force bands them. */
function riskLine(row: RiskView, method: RiskMethod | null) {
  return {
    id: row.id,
    code: row.code,
    title: {
      ja: `${row.assetName} · ${row.threatNameJa}`,
      en: `${row.assetName} · ${row.threatNameEn}`,
    },
    level: bandRef(method, row.level),
    residualLevel: bandRef(method, row.residualLevel),
    treatmentOption: row.treatmentOption,
  };
}

async function methodFor(db: Db, ctx: RequestContext) {
  return (await methodInForce(db, ctx.actor.organizationId))?.method ?? null;
}

registerApprovalSummarizer(RETENTION_ENTITY, async (db, ctx, approval) => {
  authorize(ctx.actor, 'isms:read');
  const row = await riskRepo.getRiskView(db, ctx.actor.organizationId, approval.entityId);
  if (!row) throw notFound('risk');
  const line = riskLine(row, await methodFor(db, ctx));
  return {
    link: `/risks?risk=${row.id}`,
    facts: [
      fact(
        { ja: 'リスク', en: 'Risk' },
        { ja: `${row.code} ${line.title.ja}`, en: `${row.code} ${line.title.en}` },
      ),
      fact({ ja: 'リスク値', en: 'Risk value' }, row.value),
      fact({ ja: '理由', en: 'Rationale' }, row.rationale),
    ],
    changes: null,
    risks: [line],
    moreRisks: 0,
  };
});

registerApprovalSummarizer(RESIDUAL_ENTITY, async (db, ctx, approval) => {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const acceptance = await runs.getResidualAcceptance(db, org, approval.entityId);
  if (!acceptance) throw notFound('residual acceptance');
  const method = await methodFor(db, ctx);
  const found = await risksOfAcceptance(db, org, acceptance.id, SUMMARY_RISK_LIMIT);
  return {
    link: '/risks?residualAcceptance=pending',
    facts: [
      fact({ ja: 'リスクの数', en: 'Number of risks' }, acceptance.riskCount),
      fact({ ja: '説明', en: 'Note' }, acceptance.note),
      fact(
        { ja: 'ISMSの導入及び運用の許可', en: 'Authorization to implement and operate the ISMS' },
        acceptance.authorizeOperation ? { ja: 'はい', en: 'Yes' } : { ja: 'いいえ', en: 'No' },
      ),
    ],
    changes: null,
    risks: found.items.map((r) => riskLine(r, method)),
    moreRisks: Math.max(0, found.total - found.items.length),
  };
});
