import type { Rule } from '../types.ts';
import { tx } from '../text.ts';
import { approvalEvaluation } from './approvals.ts';
import { assetsRule } from './assets.ts';
import { auditTrailRule, rolesRule } from './organization.ts';
import { exclusionsRule, scopeRule } from './scope.ts';

const policy = tx('ISMS基本方針', 'ISMS policy');
const method = tx('リスクアセスメントの方法', 'risk assessment method');
const soa = tx('適用宣言書', 'Statement of Applicability');
const residual = tx('残留リスクと運用開始の承認', 'approval of residual risks and operation');

/** One rule per requirement item ID; items without a rule are "not yet evidenced". */
export const RULES: Readonly<Record<string, Rule>> = {
  '1.2': exclusionsRule,
  '4.2.1.a': scopeRule,
  '4.2.1.b.5': (s) =>
    approvalEvaluation(s, {
      type: 'isms_policy',
      what: policy,
      href: '/documents',
      byTopManagement: true,
    }),
  '4.2.1.c': (s) =>
    approvalEvaluation(s, {
      type: 'risk_method',
      what: method,
      href: '/risks',
      byTopManagement: true,
    }),
  '4.2.1.d.1': assetsRule,
  '4.2.1.h': (s) =>
    approvalEvaluation(s, {
      type: 'soa',
      what: soa,
      href: '/statement-of-applicability',
      byTopManagement: true,
    }),
  '4.2.1.i': (s) =>
    approvalEvaluation(s, {
      type: 'residual_risk',
      what: residual,
      href: '/risks',
      byTopManagement: true,
    }),
  '4.2.3.f': auditTrailRule,
  '5.1.a': (s) =>
    approvalEvaluation(s, {
      type: 'isms_policy',
      what: policy,
      href: '/documents',
      byTopManagement: true,
    }),
  '5.1.c': rolesRule,
  '5.1.f': (s) =>
    approvalEvaluation(s, {
      type: 'risk_method',
      what: method,
      href: '/risks',
      byTopManagement: true,
    }),
};
