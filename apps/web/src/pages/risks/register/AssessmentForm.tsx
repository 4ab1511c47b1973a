import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { useUserDirectory } from '../../../api/identity';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { problemFields, type FieldLabels } from '../../../lib/problemFields';
import { useSession } from '../../../session/useSession';
import type { RiskMethodDefinition } from '../api/methods';
import { useUpdateRisk, type RiskDetailDto } from '../api/register';
import { uiLang } from '../catalogs/labels';
import { ControlList, type ControlChoice } from './ControlList';
import { riskScales, scaleOptions, toNumber, toOption } from './scaleOptions';

const STATUSES = ['open', 'in_treatment', 'accepted', 'closed'] as const;

/** The analysis of one risk (4.2.1.e): likelihood, ease, impact, existing controls, owner, status. */
export function AssessmentForm({
  risk,
  method,
  editable,
}: {
  risk: RiskDetailDto;
  method: RiskMethodDefinition | undefined;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = uiLang(i18n.language);
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const update = useUpdateRisk();
  const scales = riskScales(method);
  const [likelihood, setLikelihood] = useState(toOption(risk.likelihood));
  const [vulnerability, setVulnerability] = useState(toOption(risk.vulnerabilityLevel));
  const [impact, setImpact] = useState(toOption(risk.impact));
  const [owner, setOwner] = useState(risk.owner?.id ?? null);
  const [status, setStatus] = useState<string>(risk.status);
  const [notes, setNotes] = useState(risk.notes);
  const [existing, setExisting] = useState<ControlChoice[]>(
    risk.controls
      .filter((c) => c.role === 'existing')
      .map((c) => ({ controlId: c.controlId, justification: c.justification })),
  );
  const labels: FieldLabels = {
    likelihood: t('risks.drawer.likelihood'),
    vulnerabilityLevel: t('risks.drawer.vulnerabilityLevel'),
    impact: t('risks.drawer.impact'),
    ownerUserId: t('risks.register.columns.owner'),
    status: t('risks.register.columns.status'),
    existingControls: t('risks.drawer.existingControls'),
    'existingControls.*.justification': t('risks.drawer.existingNote'),
    notes: t('risks.drawer.notes'),
  };
  const fields = problemFields(
    update.error,
    labels,
    Object.keys(labels).filter((f) => f !== 'existingControls'),
  );
  const error = fields.error;
  const stale = isApiError(update.error) && update.error.status === 412;
  const readOnly = !editable;
  const ownerOptions = [
    ...(risk.owner && !(users.data ?? []).some((u) => u.id === risk.owner!.id)
      ? [{ value: risk.owner.id, label: risk.owner.name }]
      : []),
    ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
  ];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate({
      risk,
      body: {
        likelihood: toNumber(likelihood) ?? risk.likelihood,
        vulnerabilityLevel: toNumber(vulnerability) ?? risk.vulnerabilityLevel,
        ...(scales.matrix ? { impact: toNumber(impact) } : {}),
        ownerUserId: owner,
        status: status as (typeof STATUSES)[number],
        notes,
        existingControls: existing,
      },
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label={t('risks.drawer.assessmentForm')}>
      <Stack gap="md">
        {stale ? (
          <Alert
            color="orange"
            role="alert"
            icon={<IconAlertTriangle size={18} aria-hidden="true" />}
          >
            {t('risks.treatment.stale')}
          </Alert>
        ) : (
          update.error && <ProblemDetails error={update.error} fields={fields} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('risks.drawer.likelihood')}
            data={scaleOptions(scales.likelihood, lang)}
            value={likelihood}
            onChange={setLikelihood}
            allowDeselect={false}
            readOnly={readOnly}
            error={error('likelihood')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('risks.drawer.vulnerabilityLevel')}
            data={scaleOptions(scales.vulnerability, lang)}
            value={vulnerability}
            onChange={setVulnerability}
            allowDeselect={false}
            readOnly={readOnly}
            error={error('vulnerabilityLevel')}
            comboboxProps={{ withinPortal: true }}
          />
          {scales.matrix && (
            <Select
              label={t('risks.drawer.impact')}
              placeholder={t('risks.drawer.impactFromAsset')}
              data={scaleOptions(scales.impact, lang)}
              value={impact}
              onChange={setImpact}
              clearable
              readOnly={readOnly}
              error={error('impact')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Select
            label={t('risks.register.columns.owner')}
            data={ownerOptions}
            value={owner}
            onChange={setOwner}
            error={error('ownerUserId')}
            clearable
            searchable
            readOnly={readOnly}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('risks.register.columns.status')}
            data={STATUSES.map((s) => ({ value: s, label: t(`risks.statuses.${s}`) }))}
            value={status}
            onChange={(value) => value && setStatus(value)}
            allowDeselect={false}
            readOnly={readOnly}
            error={error('status')}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <ControlList
          label={t('risks.drawer.existingControls')}
          justificationLabel={t('risks.drawer.existingNote')}
          value={existing}
          onChange={setExisting}
          justificationError={(i) => error(`existingControls.${i}.justification`)}
          readOnly={readOnly}
        />
        <Textarea
          label={t('risks.drawer.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={error('notes')}
          readOnly={readOnly}
          autosize
          minRows={2}
          maxLength={4000}
        />
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={stale}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
