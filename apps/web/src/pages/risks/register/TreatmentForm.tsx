import {
  Alert,
  Button,
  Card,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconSend, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { problemFields, type FieldLabels } from '../../../lib/problemFields';
import type { RiskMethodDefinition } from '../api/methods';
import {
  useRequestRetention,
  useSaveTreatment,
  type RiskDetailDto,
  type RiskTreatmentInput,
} from '../api/register';
import { useSession } from '../../../session/useSession';
import { uiLang } from '../catalogs/labels';
import { EvaluationBadge, LevelBadge } from './badges';
import { ControlList, type ControlChoice } from './ControlList';
import { ProposedActions } from './ProposedActions';
import { expectedRisk } from './expected';
import { levelLabel, riskScales, scaleOptions, toNumber, toOption } from './scaleOptions';

const OPTIONS = ['apply_controls', 'retain', 'avoid', 'transfer'] as const;
type Option = (typeof OPTIONS)[number];

/**
 * The treatment decision (4.2.1.f–g): option and rationale, the controls
 * selected with what each treats, and the planned residual values, with the
 * residual risk they would give shown as the user edits.
 */
export function TreatmentForm({
  risk,
  method,
  editable,
  suggested,
  onSendResidual,
}: {
  risk: RiskDetailDto;
  method: RiskMethodDefinition | undefined;
  editable: boolean;
  suggested: readonly string[];
  onSendResidual: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = uiLang(i18n.language);
  const { can } = useSession();
  const save = useSaveTreatment();
  const retention = useRequestRetention();
  const scales = riskScales(method);
  const [option, setOption] = useState<Option | null>(risk.treatmentOption);
  const [transferTo, setTransferTo] = useState(risk.transferTo);
  const [rationale, setRationale] = useState(risk.rationale);
  const [controls, setControls] = useState<ControlChoice[]>(
    risk.controls
      .filter((c) => c.role === 'selected')
      .map((c) => ({ controlId: c.controlId, justification: c.justification })),
  );
  const [likelihood, setLikelihood] = useState(toOption(risk.residual.likelihood));
  const [vulnerability, setVulnerability] = useState(toOption(risk.residual.vulnerabilityLevel));
  const [impact, setImpact] = useState(toOption(risk.residual.impact));
  const labels: FieldLabels = {
    option: t('risks.treatment.option'),
    transferTo: t('risks.treatment.transferTo'),
    rationale: t('risks.treatment.rationale'),
    selectedControls: t('risks.treatment.selectedControls'),
    'selectedControls.*.justification': t('risks.treatment.justification'),
    residualLikelihood: t('risks.treatment.residualLikelihood'),
    residualImpact: t('risks.treatment.residualImpact'),
    residualVulnerabilityLevel: t('risks.treatment.residualVulnerability'),
  };
  const fields = problemFields(save.error, labels, [
    'option',
    'transferTo',
    'rationale',
    'selectedControls.*.justification',
    scales.matrix ? 'residualImpact' : 'residualVulnerabilityLevel',
    'residualLikelihood',
  ]);
  const stale = isApiError(save.error) && save.error.status === 412;
  const readOnly = !editable;

  const expected = method
    ? expectedRisk(method, {
        assetValue: risk.assetValue,
        likelihood: toNumber(likelihood) ?? risk.likelihood,
        vulnerabilityLevel: toNumber(vulnerability) ?? risk.vulnerabilityLevel,
        impact: toNumber(impact) ?? risk.impact,
      })
    : null;
  const retentionNeeded =
    option === 'retain' && risk.evaluation === 'treat' && risk.retention.status !== 'approved';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body: RiskTreatmentInput = {
      option,
      transferTo: option === 'transfer' ? transferTo.trim() : '',
      rationale,
      selectedControls: controls,
      residualLikelihood: toNumber(likelihood),
      residualVulnerabilityLevel: toNumber(vulnerability),
      residualImpact: toNumber(impact),
    };
    save.mutate({ risk, body });
  }

  return (
    <form onSubmit={onSubmit} aria-label={t('risks.treatment.formLabel')}>
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
          save.error && <ProblemDetails error={save.error} fields={fields} />
        )}
        {retention.error ? <ProblemDetails error={retention.error} /> : null}
        <Radio.Group
          label={t('risks.treatment.option')}
          value={option ?? ''}
          onChange={(value) => setOption(value as Option)}
          error={fields.error('option')}
          readOnly={readOnly}
        >
          <SimpleGrid cols={2} mt={6} spacing="xs">
            {OPTIONS.map((o) => (
              <Radio
                key={o}
                value={o}
                label={t(`risks.treatmentOptions.${o}`)}
                description={t(`risks.treatment.optionHints.${o}`)}
                disabled={readOnly && option !== o}
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {option === 'transfer' && (
          <TextInput
            label={t('risks.treatment.transferTo')}
            value={transferTo}
            onChange={(e) => setTransferTo(e.currentTarget.value)}
            error={fields.error('transferTo')}
            readOnly={readOnly}
            required
          />
        )}
        <Textarea
          label={t('risks.treatment.rationale')}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          error={fields.error('rationale')}
          readOnly={readOnly}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <ControlList
          label={t('risks.treatment.selectedControls')}
          justificationLabel={t('risks.treatment.justification')}
          justificationError={(i) => fields.error(`selectedControls.${i}.justification`)}
          value={controls}
          onChange={setControls}
          suggested={suggested}
          readOnly={readOnly}
        />
        <Card withBorder radius="md" bg="gray.0">
          <Stack gap="xs">
            <Text fw={600} fz="sm">
              {t('risks.treatment.plannedResidual')}
            </Text>
            <SimpleGrid cols={scales.matrix ? 2 : 2} spacing="xs">
              <Select
                label={t('risks.treatment.residualLikelihood')}
                placeholder={t('risks.treatment.unchanged', {
                  value: levelLabel(scales.likelihood, risk.likelihood, lang),
                })}
                data={scaleOptions(scales.likelihood, lang)}
                value={likelihood}
                onChange={setLikelihood}
                error={fields.error('residualLikelihood')}
                clearable
                readOnly={readOnly}
                comboboxProps={{ withinPortal: true }}
              />
              {scales.matrix ? (
                <Select
                  label={t('risks.treatment.residualImpact')}
                  placeholder={t('risks.treatment.unchanged', {
                    value: levelLabel(scales.impact, risk.impact ?? risk.assetValue, lang),
                  })}
                  data={scaleOptions(scales.impact, lang)}
                  value={impact}
                  onChange={setImpact}
                  error={fields.error('residualImpact')}
                  clearable
                  readOnly={readOnly}
                  comboboxProps={{ withinPortal: true }}
                />
              ) : (
                <Select
                  label={t('risks.treatment.residualVulnerability')}
                  placeholder={t('risks.treatment.unchanged', {
                    value: levelLabel(scales.vulnerability, risk.vulnerabilityLevel, lang),
                  })}
                  data={scaleOptions(scales.vulnerability, lang)}
                  value={vulnerability}
                  onChange={setVulnerability}
                  error={fields.error('residualVulnerabilityLevel')}
                  clearable
                  readOnly={readOnly}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            </SimpleGrid>
            <Group gap="lg" wrap="wrap">
              <Group gap={6}>
                <Text fz="sm" c="dimmed">
                  {t('risks.treatment.current')}
                </Text>
                <LevelBadge value={risk.value} level={risk.level} />
              </Group>
              <Group gap={6} aria-live="polite">
                <Text fz="sm" c="dimmed">
                  {t('risks.treatment.expected')}
                </Text>
                <LevelBadge value={expected?.value ?? null} level={expected?.level ?? null} />
                {expected && <EvaluationBadge evaluation={expected.evaluation} />}
              </Group>
            </Group>
            {expected?.evaluation === 'treat' && option === 'apply_controls' && (
              <Text fz="xs" c="red.9">
                {t('risks.treatment.stillAbove')}
              </Text>
            )}
          </Stack>
        </Card>
        {retentionNeeded && (
          <Alert color="yellow" icon={<IconShieldCheck size={18} aria-hidden="true" />}>
            <Stack gap="xs" align="flex-start">
              <Text fz="sm">
                {risk.retention.status === 'pending'
                  ? t('risks.treatment.retentionPending')
                  : t('risks.treatment.retentionNeeded')}
              </Text>
              {editable &&
                risk.retention.status !== 'pending' &&
                risk.treatmentOption === 'retain' && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={retention.isPending}
                    onClick={() => retention.mutate(risk)}
                  >
                    {t('risks.treatment.requestRetention')}
                  </Button>
                )}
            </Stack>
          </Alert>
        )}
        {/* The decision just saved: offer its plan actions instead of entering them again. */}
        {save.isSuccess && can('isms:write', 'all') && controls.length > 0 && (
          <ProposedActions riskIds={[risk.id]} />
        )}
        {editable && (
          <Group justify="flex-end">
            <Button
              variant="default"
              leftSection={<IconSend size={16} aria-hidden="true" />}
              disabled={!risk.treatmentOption || risk.residualAcceptance.status === 'pending'}
              onClick={onSendResidual}
            >
              {t('risks.residual.sendOne')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={stale}>
              {t('risks.treatment.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
