import type { Db } from '@mamoru/db';
import type { RequestContext } from '../audit/trail.ts';
import { decideApproval } from '../approvals/service.ts';
import { fiscalYearOf } from '../resources/fiscal.ts';
import { submitPlan } from '../resources/plan.ts';
import { createResource } from '../resources/service.ts';
import type { ResourceCreate } from '@mamoru/contracts';

type Line = Omit<ResourceCreate, 'fiscalYear' | 'description' | 'notes'> & { notes?: string };

/** This year's plan (the secretariat, the certification audit, e-learning, a scanner…). */
const PLAN: Line[] = [
  {
    kind: 'people',
    activity: 'establish',
    title: 'ISMS事務局の工数（規程・リスクアセスメントの見直し）',
    planned: { hours: 240 },
  },
  {
    kind: 'people',
    activity: 'operate',
    title: 'ISMS事務局の工数（運用・記録）',
    planned: { hours: 480 },
  },
  {
    kind: 'money',
    activity: 'monitor',
    title: '認証審査（維持審査）の費用',
    planned: { amount: 900_000 },
  },
  {
    kind: 'tool',
    activity: 'operate',
    title: 'セキュリティ教育 e-ラーニングの利用料',
    planned: { amount: 360_000 },
  },
  {
    kind: 'tool',
    activity: 'monitor',
    title: '脆弱性スキャナーの年間ライセンス',
    planned: { amount: 540_000 },
  },
  {
    kind: 'service',
    activity: 'improve',
    title: '外部コンサルタントによる改善支援',
    planned: { amount: 400_000, hours: 24 },
  },
];

/**
 * The demo company's resources: last year's register with usage recorded, and
 * this year's plan sent by the ISMS manager and approved by the president
 * (5.1.e). Only on the first run: a second run would reopen the approved plan.
 */
export async function createDemoResources(
  db: Db,
  who: { manager: RequestContext; president: RequestContext },
  run: number,
) {
  if (run !== 1) return 0;
  const fy = fiscalYearOf(new Date().toISOString().slice(0, 10), 4);
  const owner = who.manager.actor.userId;
  for (const line of PLAN) {
    const used = line.planned.amount
      ? { amount: Math.round(line.planned.amount * 0.95) }
      : { hours: (line.planned.hours ?? 0) - 20 };
    await createResource(db, who.manager, {
      ...line,
      fiscalYear: fy - 1,
      description: '',
      notes: line.notes ?? '',
      ownerUserId: owner,
      used,
    });
    await createResource(db, who.manager, {
      ...line,
      fiscalYear: fy,
      description: '',
      notes: line.notes ?? '',
      ownerUserId: owner,
    });
  }
  for (const year of [fy - 1, fy]) {
    const plan = await submitPlan(db, who.manager, year, 1 + PLAN.length, {});
    await decideApproval(db, who.president, plan.row!.approvalId!, 'approved', undefined);
  }
  return PLAN.length * 2;
}
