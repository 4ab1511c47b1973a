import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { useUserDirectory } from '../../../api/identity';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { useSession } from '../../../session/useSession';
import { textIn } from '../../../lib/catalogText';
import { useBulkTreatment, useRiskSelection, type BulkTreatmentInput } from '../api/bulk';
import { useControlIndex } from '../api/controls';
import { methodVersions, useRiskMethods } from '../api/methods';
import { uiLang } from '../catalogs/labels';
import { useBulkProblem } from './bulkProblem';
import { ProposedActions } from './ProposedActions';
import type { RegisterFilter } from './RegisterFilters';
import { ResidualAcceptanceModal } from './ResidualAcceptanceModal';
import { riskScales, scaleOptions, toNumber } from './scaleOptions';

const OPTIONS = ['apply_controls', 'retain', 'avoid', 'transfer'] as const;
type Option = (typeof OPTIONS)[number];
const KEEP = '__keep__';

/**
 * One treatment for every risk the register's filter selects: the count the
 * person confirms, the decision with one justification for its controls, the
 * planned residual values and owner; then the actions it implies and the
 * request for top management's approval of the batch.
 */
export function BulkTreatmentModal({
  filter,
  onClose,
}: {
  filter: RegisterFilter;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = uiLang(i18n.language);
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const methods = useRiskMethods();
  const scales = riskScales(methodVersions(methods.data).inForce?.definition);
  const { index } = useControlIndex();
  const controlData = useMemo(
    () =>
      [...index.values()].map((ref) => ({
        value: ref.id,
        label: `${ref.id} ${ref.displayId} ${textIn(ref.title, i18n.language)}`,
      })),
    [index, i18n.language],
  );
  const selection = useRiskSelection(filter);
  const bulk = useBulkTreatment();
  const [option, setOption] = useState<Option | null>('apply_controls');
  const [transferTo, setTransferTo] = useState('');
  const [rationale, setRationale] = useState('');
  const [controls, setControls] = useState<string[]>([]);
  const [justification, setJustification] = useState('');
  const [likelihood, setLikelihood] = useState<string | null>(null);
  const [vulnerability, setVulnerability] = useState<string | null>(null);
  const [impact, setImpact] = useState<string | null>(null);
  const [owner, setOwner] = useState<string>(KEEP);
  const [sending, setSending] = useState(false);
  const problem = useBulkProblem(bulk.error);
  const errors: Record<string, string | undefined> = {
    ...problem.byField,
    controlIds: problem.error('controlIds'),
  };
  const stale = isApiError(bulk.error) && bulk.error.status === 412;
  const seen = selection.data;
  const blocked =
    !seen || seen.count === 0 || seen.count > seen.max || seen.notOwned > 0 || seen.pending > 0;
  const done = bulk.data;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!seen) return;
    bulk.mutate({
      filter: filter as BulkTreatmentInput['filter'],
      expected: { count: seen.count, tag: seen.tag },
      option,
      transferTo: option === 'transfer' ? transferTo.trim() : '',
      rationale,
      controlIds: controls,
      justification,
      residualLikelihood: toNumber(likelihood),
      residualVulnerabilityLevel: toNumber(vulnerability),
      residualImpact: toNumber(impact),
      ...(owner === KEEP ? {} : { ownerUserId: owner || null }),
    });
  }

  if (sending && done)
    return <ResidualAcceptanceModal riskIds={done.riskIds} onClose={() => onClose()} />;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('risks.bulk.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {done ? (
        <Stack gap="md">
          <Alert color="teal" icon={<IconCircleCheck size={18} aria-hidden="true" />} role="status">
            {t('risks.bulk.done', { count: done.updated })}
          </Alert>
          <ProposedActions riskIds={done.riskIds} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button onClick={() => setSending(true)}>
              {t('risks.residual.sendSelected', { count: done.riskIds.length })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} aria-label={t('risks.bulk.title')}>
          <Stack gap="md">
            {selection.isError ? <ProblemDetails error={selection.error} /> : null}
            {seen && (
              <Text fz="sm" fw={600} aria-live="polite">
                {t('risks.bulk.selected', { count: seen.count })}
              </Text>
            )}
            {seen && seen.count > seen.max && (
              <Alert color="orange" role="alert">
                {t('risks.bulk.tooMany', { max: seen.max })}
              </Alert>
            )}
            {seen && seen.notOwned > 0 && (
              <Alert color="orange" role="alert">
                {t('risks.bulk.notOwned', { count: seen.notOwned })}
              </Alert>
            )}
            {seen && seen.pending > 0 && (
              <Alert color="orange" role="alert">
                {t('risks.bulk.pending', { count: seen.pending })}
              </Alert>
            )}
            {stale ? (
              <Alert
                color="orange"
                role="alert"
                icon={<IconAlertTriangle size={18} aria-hidden="true" />}
              >
                <Group gap="sm">
                  <Text fz="sm">{t('risks.bulk.stale')}</Text>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      bulk.reset();
                      void selection.refetch();
                    }}
                  >
                    {t('risks.bulk.recount')}
                  </Button>
                </Group>
              </Alert>
            ) : (
              bulk.error && <ProblemDetails error={bulk.error} fields={problem} />
            )}
            <Select
              label={t('risks.treatment.option')}
              data={OPTIONS.map((o) => ({ value: o, label: t(`risks.treatmentOptions.${o}`) }))}
              value={option}
              onChange={(value) => setOption(value as Option | null)}
              error={errors.option}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            {option === 'transfer' && (
              <TextInput
                label={t('risks.treatment.transferTo')}
                value={transferTo}
                onChange={(e) => setTransferTo(e.currentTarget.value)}
                error={errors.transferTo}
                required
              />
            )}
            <Textarea
              label={t('risks.treatment.rationale')}
              value={rationale}
              onChange={(e) => setRationale(e.currentTarget.value)}
              error={errors.rationale}
              autosize
              minRows={2}
              maxLength={4000}
            />
            <MultiSelect
              label={t('risks.treatment.selectedControls')}
              placeholder={t('risks.controls.addPlaceholder')}
              data={controlData}
              value={controls}
              onChange={setControls}
              error={errors.controlIds}
              searchable
              limit={30}
              nothingFoundMessage={t('risks.controls.nothingFound')}
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea
              label={t('risks.bulk.justification')}
              description={t('risks.bulk.justificationHint')}
              value={justification}
              onChange={(e) => setJustification(e.currentTarget.value)}
              error={errors.justification}
              autosize
              minRows={2}
              maxLength={4000}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <Select
                label={t('risks.treatment.residualLikelihood')}
                placeholder={t('risks.bulk.keepResidual')}
                data={scaleOptions(scales.likelihood, lang)}
                value={likelihood}
                onChange={setLikelihood}
                error={errors.residualLikelihood}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
              {scales.matrix ? (
                <Select
                  label={t('risks.treatment.residualImpact')}
                  placeholder={t('risks.bulk.keepResidual')}
                  data={scaleOptions(scales.impact, lang)}
                  value={impact}
                  onChange={setImpact}
                  error={errors.residualImpact}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              ) : (
                <Select
                  label={t('risks.treatment.residualVulnerability')}
                  placeholder={t('risks.bulk.keepResidual')}
                  data={scaleOptions(scales.vulnerability, lang)}
                  value={vulnerability}
                  onChange={setVulnerability}
                  error={errors.residualVulnerabilityLevel}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              )}
              <Select
                label={t('risks.register.columns.owner')}
                data={[
                  { value: KEEP, label: t('risks.bulk.keepOwner') },
                  ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
                ]}
                value={owner}
                onChange={(value) => setOwner(value ?? KEEP)}
                error={errors.ownerUserId}
                allowDeselect={false}
                searchable
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={bulk.isPending}
                disabled={blocked || stale || selection.isFetching}
              >
                {t('risks.bulk.apply', { count: seen?.count ?? 0 })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
