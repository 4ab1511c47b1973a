import type { ConformitySnapshot, Evaluation } from '../types.ts';
import {
  evidence,
  gap,
  joinTexts,
  met,
  notMet,
  partlyMet,
  plural,
  tx,
  versionStatus,
} from '../text.ts';

/** The viewpoints of 4.2.1.a in our words, for naming what an approved scope leaves empty. */
const VIEWPOINTS = {
  business: tx('事業活動', 'business activities'),
  organization: tx('組織', 'organization'),
  locations: tx('所在地', 'locations'),
  assets: tx('資産', 'assets'),
  technology: tx('技術', 'technology'),
  boundaries: tx('境界', 'boundaries'),
} as const;

/** 4.2.1.a: a scope covering the five viewpoints, approved by management. */
export function scopeRule(s: ConformitySnapshot): Evaluation {
  const sc = s.scope;
  const data = {
    latestVersion: sc.latestNumber,
    latestStatus: sc.latestStatus,
    approvedVersion: sc.approvedNumber,
    approvedAt: sc.approvedAt,
    approvedByTopManagement: sc.approvedByTopManagement,
  };
  const link = evidence('/scope', 'ISMS適用範囲', 'ISMS scope');
  if (sc.latestNumber === null) {
    return notMet(
      tx('ISMSの適用範囲がまだ作成されていません。', 'No ISMS scope has been written yet.'),
      [gap('/scope', '適用範囲を作成する', 'Write the scope')],
      data,
    );
  }
  if (sc.approvedNumber === null || !sc.filled) {
    return partlyMet(
      tx(
        `適用範囲 第${sc.latestNumber}版は作成済みですが、承認されていません（状態：${versionStatus(sc.latestStatus).ja}）。`,
        `Scope version ${sc.latestNumber} exists but no version is approved (status: ${versionStatus(sc.latestStatus).en}).`,
      ),
      [gap('/scope', '適用範囲の承認を依頼する', 'Request approval of the scope')],
      data,
    );
  }
  const missing = (Object.keys(VIEWPOINTS) as (keyof typeof VIEWPOINTS)[]).filter(
    (k) => !sc.filled![k],
  );
  const problems = [];
  if (missing.length) {
    const names = missing.map((k) => VIEWPOINTS[k]);
    problems.push(
      tx(
        `承認済みの版に未記入の観点があります: ${names.map((n) => n.ja).join('、')}。`,
        `The approved version leaves out: ${names.map((n) => n.en).join(', ')}.`,
      ),
    );
  }
  if (!sc.approvedByTopManagement) {
    problems.push(
      tx(
        '承認者が経営陣の役割を持っていません。',
        'It was not approved by a user holding the top management role.',
      ),
    );
  }
  const base = tx(
    `適用範囲 第${sc.approvedNumber}版が${sc.approvedAt?.slice(0, 10) ?? ''}に承認されています。`,
    `Scope version ${sc.approvedNumber} was approved on ${sc.approvedAt?.slice(0, 10) ?? ''}.`,
  );
  const withMissing = { ...data, missingViewpoints: missing };
  if (problems.length) {
    return partlyMet(
      joinTexts([base, ...problems]),
      [link, gap('/scope', '適用範囲を補う', 'Complete the scope')],
      withMissing,
    );
  }
  return met(
    joinTexts([
      base,
      tx(
        '五つの観点と境界が記述されています。',
        'All five viewpoints and the boundaries are described.',
      ),
    ]),
    [link],
    withMissing,
  );
}

/** 第1 2.: only annex controls excluded, each justified with the risk accepted by an accountable person. */
export function exclusionsRule(s: ConformitySnapshot): Evaluation {
  const ex = s.exclusions;
  const unknown = ex.controlIds.filter((id) => !s.annexControlIds.has(id));
  const data = {
    scopeVersion: ex.scopeNumber,
    scopeApproved: ex.scopeApproved,
    excludedControls: ex.controlIds,
    notAnnexControls: unknown,
    withoutReason: ex.withoutReason,
    acceptedByInactiveUser: ex.acceptedByInactive,
  };
  const link = evidence('/scope', '適用除外（適用範囲）', 'Exclusions (scope)');
  if (ex.scopeNumber === null) {
    return notMet(
      tx(
        '適用範囲がないため、適用除外を判断できません。',
        'There is no scope yet, so no exclusions can be judged.',
      ),
      [gap('/scope', '適用範囲を作成する', 'Write the scope')],
      data,
    );
  }
  const faults = [];
  if (unknown.length) {
    faults.push(
      tx(
        `附属書の管理策ではない除外があります: ${unknown.join(', ')}。`,
        `Exclusions that are not annex controls: ${unknown.join(', ')}.`,
      ),
    );
  }
  if (ex.withoutReason) {
    faults.push(
      tx(
        `理由のない除外が${ex.withoutReason}件あります。`,
        `${plural(ex.withoutReason, 'exclusion has', 'exclusions have')} no reason.`,
      ),
    );
  }
  if (ex.acceptedByInactive.length) {
    faults.push(
      tx(
        `リスク受容者が無効になった除外があります: ${ex.acceptedByInactive.join(', ')}。`,
        `The person who accepted the risk is no longer active for: ${ex.acceptedByInactive.join(', ')}.`,
      ),
    );
  }
  const n = ex.controlIds.length;
  const base = n
    ? tx(
        `適用範囲 第${ex.scopeNumber}版は${n}件の附属書管理策を除外しています。`,
        `Scope version ${ex.scopeNumber} excludes ${plural(n, 'annex control', 'annex controls')}.`,
      )
    : tx(
        `適用範囲 第${ex.scopeNumber}版は管理策を除外していません。`,
        `Scope version ${ex.scopeNumber} excludes no controls.`,
      );
  if (faults.length) {
    return notMet(
      joinTexts([base, ...faults]),
      [link, gap('/scope', '除外を直す', 'Fix the exclusions')],
      data,
    );
  }
  if (!ex.scopeApproved) {
    return partlyMet(
      joinTexts([
        base,
        tx('この版はまだ承認されていません。', 'This version is not approved yet.'),
      ]),
      [link],
      data,
    );
  }
  return met(
    joinTexts([
      base,
      tx(
        '除外はすべて附属書の管理策で、理由とリスク受容者が記録されています。',
        'Every exclusion is an annex control with a reason and the person who accepted the risk.',
      ),
    ]),
    [link],
    data,
  );
}
