import type { ConformityLink, ConformitySnapshot, LocalizedText, Rule } from '../types.ts';
import {
  day,
  evidence,
  gap,
  gapIf,
  judge,
  notMet,
  partlyMet,
  met,
  tx,
  type Fault,
} from '../text.ts';

/**
 * Rules of the resources register (4.2.2.f, 5.1.e, 5.2.1.a): resources
 * planned for the current fiscal year and managed (owners, usage recorded,
 * treatment actions funded), the year's plan approved by top management, and
 * every ISMS activity provided for.
 */

const yearHref = (fy: number) => `/resources?year=${fy}`;
const resourceHref = (id: string) => `/resources/${id}`;

const ACTIVITIES = ['establish', 'operate', 'monitor', 'improve'] as const;
const ACTIVITY_TEXT: Record<(typeof ACTIVITIES)[number], LocalizedText> = {
  establish: tx('確立', 'establishing'),
  operate: tx('導入・運用', 'implementing and operating'),
  monitor: tx('監視・レビュー', 'monitoring and reviewing'),
  improve: tx('維持・改善', 'maintaining and improving'),
};

const yen = (n: number) => n.toLocaleString('en-US');

function dataOf(s: ConformitySnapshot) {
  const r = s.resources;
  return {
    fiscalYear: r.current.fiscalYear,
    resources: r.current.items,
    planStatus: r.current.planStatus,
    approvedAt: r.current.approvedAt,
    approvedByTopManagement: r.current.approvedByTopManagement,
    activities: r.current.activities,
    withoutOwner: r.current.withoutOwner,
    previousYear: r.previous.fiscalYear,
    previousResources: r.previous.items,
    previousUsageRecorded: r.previous.usageRecorded,
    treatmentActionsThisYear: r.treatmentActions,
    treatmentActionsFunded: r.treatmentFunded,
  };
}

/** No resources for the current year: nothing else can be judged. */
function nothingPlanned(s: ConformitySnapshot) {
  const fy = s.resources.current.fiscalYear;
  return notMet(
    tx(
      `${fy}年度のISMSの経営資源（要員の工数、予算、ツールなど）が登録されていません。`,
      `No ISMS resources (people's time, budget, tools…) are registered for fiscal year ${fy}.`,
    ),
    [gap(yearHref(fy), `${fy}年度の経営資源`, `Resources of FY${fy}`)],
    dataOf(s),
  );
}

/** The previous year's resources whose usage is missing, as a fault and links to them. */
function previousUsage(s: ConformitySnapshot): [Fault, ConformityLink[]] {
  const p = s.resources.previous;
  const missing = p.items - p.usageRecorded;
  return [
    [
      missing,
      tx(
        `${p.fiscalYear}年度の経営資源${missing}件の実績が記録されていません。`,
        `Usage is not recorded for ${missing} resources of fiscal year ${p.fiscalYear}.`,
      ),
    ],
    p.withoutUsageIds.map((id) =>
      gap(
        resourceHref(id),
        `${p.fiscalYear}年度の実績未記録の資源`,
        `FY${p.fiscalYear} resource without usage`,
      ),
    ),
  ];
}

/** 4.2.2.f: resources are managed: registered with owners, used as recorded, treatment funded. */
const manageRule: Rule = (s) => {
  const r = s.resources;
  const c = r.current;
  if (c.items === 0) return nothingPlanned(s);
  const [usageFault, usageLinks] = previousUsage(s);
  const unfunded = r.treatmentActions - r.treatmentFunded;
  return judge(
    tx(
      `${c.fiscalYear}年度の経営資源${c.items}件が登録されています（計画 ${yen(c.plannedAmount)}円、実績 ${yen(c.usedAmount)}円）。`,
      `${c.items} resources are registered for fiscal year ${c.fiscalYear} (planned ¥${yen(c.plannedAmount)}, used ¥${yen(c.usedAmount)}).`,
    ),
    [
      [
        c.withoutOwner,
        tx(
          `${c.withoutOwner}件の資源に管理責任者がいません。`,
          `${c.withoutOwner} resources have no owner.`,
        ),
      ],
      usageFault,
      [
        unfunded,
        tx(
          `今年度が期限のリスク対応の処置${unfunded}件に予算も資源も記載がありません。`,
          `${unfunded} treatment actions due this year state neither budget nor resources.`,
        ),
      ],
    ],
    [
      evidence(
        yearHref(c.fiscalYear),
        `${c.fiscalYear}年度の経営資源`,
        `Resources of FY${c.fiscalYear}`,
      ),
      ...c.withoutOwnerIds.map((id) =>
        gap(resourceHref(id), '管理責任者のいない資源', 'Resource without an owner'),
      ),
      ...usageLinks,
      ...gapIf(
        unfunded,
        '/treatment-plan',
        '予算・資源のない処置',
        'Actions without budget or resources',
      ),
    ],
    dataOf(s),
  );
};

/** 5.1.e: top management provides the resources: the current year's plan is approved by it. */
const provideRule: Rule = (s) => {
  const c = s.resources.current;
  if (c.items === 0) return nothingPlanned(s);
  const link = yearHref(c.fiscalYear);
  const register = evidence(
    link,
    `${c.fiscalYear}年度の資源計画`,
    `Resource plan of FY${c.fiscalYear}`,
  );
  if (c.planStatus === 'approved') {
    const text = tx(
      `${c.fiscalYear}年度の資源計画は${day(c.approvedAt)}に承認されています。`,
      `The resource plan of fiscal year ${c.fiscalYear} was approved on ${day(c.approvedAt)}.`,
    );
    return c.approvedByTopManagement
      ? met(text, [register], dataOf(s))
      : partlyMet(
          {
            ja: `${text.ja}承認者が経営陣ではありません。`,
            en: `${text.en} It was not approved by top management.`,
          },
          [gap(link, '経営陣による承認', 'Approval by top management')],
          dataOf(s),
        );
  }
  if (c.planStatus === 'submitted' || c.approvedAt) {
    return partlyMet(
      c.planStatus === 'submitted'
        ? tx(
            `${c.fiscalYear}年度の資源計画は経営陣の承認待ちです。`,
            `The resource plan of fiscal year ${c.fiscalYear} is awaiting top management's approval.`,
          )
        : tx(
            `${c.fiscalYear}年度の資源計画は${day(c.approvedAt)}の承認後に変更され、再承認されていません。`,
            `The resource plan of fiscal year ${c.fiscalYear} changed after its approval on ${day(c.approvedAt)} and is not approved again.`,
          ),
      [gap(link, '資源計画の承認', 'Approval of the resource plan')],
      dataOf(s),
    );
  }
  return notMet(
    tx(
      `${c.fiscalYear}年度の資源計画は作成中で、経営陣に承認されていません。`,
      `The resource plan of fiscal year ${c.fiscalYear} is being drafted and is not approved by top management.`,
    ),
    [gap(link, '資源計画の承認', 'Approval of the resource plan')],
    dataOf(s),
  );
};

/** 5.2.1.a: resources provided for establishing, operating, monitoring and improving the ISMS. */
const activitiesRule: Rule = (s) => {
  const c = s.resources.current;
  if (c.items === 0) return nothingPlanned(s);
  const missing = ACTIVITIES.filter((a) => !c.activities.includes(a));
  const [usageFault, usageLinks] = previousUsage(s);
  const names = missing.map((a) => ACTIVITY_TEXT[a]);
  return judge(
    tx(
      `${c.fiscalYear}年度の経営資源が${c.activities.length}/4のISMSの活動に計画されています。`,
      `Fiscal year ${c.fiscalYear} plans resources for ${c.activities.length} of the 4 ISMS activities.`,
    ),
    [
      [
        missing.length,
        tx(
          `${names.map((n) => n.ja).join('・')}のための資源が計画されていません。`,
          `Nothing is planned for ${names.map((n) => n.en).join(', ')}.`,
        ),
      ],
      usageFault,
    ],
    [
      evidence(
        yearHref(c.fiscalYear),
        `${c.fiscalYear}年度の経営資源`,
        `Resources of FY${c.fiscalYear}`,
      ),
      ...gapIf(
        missing.length,
        yearHref(c.fiscalYear),
        '計画のない活動',
        'Activities without resources',
      ),
      ...usageLinks,
    ],
    dataOf(s),
  );
};

export const RESOURCE_RULES: Readonly<Record<string, Rule>> = {
  '4.2.2.f': manageRule,
  '5.1.e': provideRule,
  '5.2.1.a': activitiesRule,
};
