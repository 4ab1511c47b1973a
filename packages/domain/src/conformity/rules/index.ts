import type { Rule } from '../types.ts';
import { assetsRule } from './assets.ts';
import { AUDIT_RULES } from './audits.ts';
import { CONTROL_RULES } from './document-control.ts';
import { DOCUMENT_RULES } from './documents.ts';
import { RISK_RULES } from './risks.ts';
import { exclusionsRule, scopeRule } from './scope.ts';
import { STATEMENT_RULES } from './statement.ts';
import { TREATMENT_RULES } from './treatment.ts';
import { IMPROVEMENT_RULES } from './improvement.ts';
import { REVIEW_RULES } from './reviews.ts';
import { PEOPLE_RULES } from './people.ts';
import { COMPETENCE_RULES } from './people-competence.ts';
import { TRAINING_RULES } from './people-training.ts';
import { INCIDENT_RULES } from './incidents.ts';
import { CHANGE_RULES } from './changes.ts';
import { RESULT_RULES } from './results.ts';
import { RESOURCE_RULES } from './resources.ts';
import { pdcaRule } from './pdca.ts';
import { activitiesWorkRule } from './monitoring.ts';
import { OBJECTIVE_RULES } from './objectives.ts';
import { LEGAL_RULES } from './legal.ts';
import { CONTROL_OPERATION_RULES } from './controls.ts';

/** One rule per requirement item ID; items without a rule are "not yet evidenced". */
export const RULES: Readonly<Record<string, Rule>> = {
  '1.2': exclusionsRule,
  '4.1': pdcaRule,
  '4.2.3.a.3': activitiesWorkRule,
  '4.2.1.a': scopeRule,
  '4.2.1.d.1': assetsRule,
  ...RISK_RULES,
  ...TREATMENT_RULES,
  ...STATEMENT_RULES,
  ...DOCUMENT_RULES,
  ...CONTROL_RULES,
  ...AUDIT_RULES,
  ...IMPROVEMENT_RULES,
  ...REVIEW_RULES,
  ...PEOPLE_RULES,
  ...TRAINING_RULES,
  ...COMPETENCE_RULES,
  ...INCIDENT_RULES,
  ...CHANGE_RULES,
  ...RESULT_RULES,
  ...RESOURCE_RULES,
  ...OBJECTIVE_RULES,
  ...LEGAL_RULES,
  ...CONTROL_OPERATION_RULES,
};
