import { Accordion, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogPicker } from '../../components/catalogPicker/CatalogPicker';
import type { FieldLabels, ProblemFields } from '../../lib/problemFields';

type CriteriaKey = 'criteriaRequirementIds' | 'criteriaControlIds';

/**
 * The programme's criteria, folded: the default criteria are a hundred or more
 * pills. A refused criterion opens them so its message shows.
 */
export function ProgrammeCriteria({
  requirementIds,
  controlIds,
  onChange,
  labels,
  fields,
  editable,
}: {
  requirementIds: string[];
  controlIds: string[];
  onChange: (key: CriteriaKey, ids: string[]) => void;
  labels: FieldLabels;
  fields: ProblemFields;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const refused = Boolean(
    fields.error('criteriaRequirementIds') || fields.error('criteriaControlIds'),
  );
  return (
    <Accordion
      variant="contained"
      value={open || refused ? 'criteria' : null}
      onChange={(value) => setOpen(value === 'criteria')}
    >
      <Accordion.Item value="criteria">
        <Accordion.Control>
          <Text fz="sm" c="dimmed">
            {t('auditProgramme.criteriaCount', {
              requirements: requirementIds.length,
              controls: controlIds.length,
            })}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <CatalogPicker
              namespace="requirement"
              label={labels.criteriaRequirementIds}
              value={requirementIds}
              onChange={(ids) => onChange('criteriaRequirementIds', ids)}
              error={fields.error('criteriaRequirementIds')}
              readOnly={!editable}
            />
            <CatalogPicker
              namespace="control"
              label={labels.criteriaControlIds}
              value={controlIds}
              onChange={(ids) => onChange('criteriaControlIds', ids)}
              error={fields.error('criteriaControlIds')}
              readOnly={!editable}
            />
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
