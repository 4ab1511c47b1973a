import { useTranslation } from 'react-i18next';
import { problemFields } from '../../../lib/problemFields';

/**
 * A refused bulk treatment's field errors: each shows at its input; the
 * filter and the count it was made for have none, so theirs are listed
 * under the risks they select.
 */
export function useBulkProblem(error: unknown) {
  const { t } = useTranslation();
  return problemFields(
    error,
    {
      filter: t('risks.bulk.selection'),
      expected: t('risks.bulk.selection'),
      option: t('risks.treatment.option'),
      transferTo: t('risks.treatment.transferTo'),
      rationale: t('risks.treatment.rationale'),
      controlIds: t('risks.treatment.selectedControls'),
      justification: t('risks.bulk.justification'),
      residualLikelihood: t('risks.treatment.residualLikelihood'),
      residualImpact: t('risks.treatment.residualImpact'),
      residualVulnerabilityLevel: t('risks.treatment.residualVulnerability'),
      ownerUserId: t('risks.register.columns.owner'),
    },
    [
      'option',
      'transferTo',
      'rationale',
      'controlIds',
      'controlIds.*',
      'justification',
      'residualLikelihood',
      'residualImpact',
      'residualVulnerabilityLevel',
      'ownerUserId',
    ],
  );
}
