import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAdjustments, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { problemFields } from '../../../lib/problemFields';
import { useFormat } from '../../../lib/format';
import { useSession } from '../../../session/useSession';
import {
  methodVersions,
  useCreateMethod,
  useRiskMethods,
  type RiskMethodDto,
  type RiskMethodPreset,
} from '../api/methods';
import { MethodForm, methodFieldLabels } from './MethodForm';

const statusColor: Record<RiskMethodDto['status'], string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'teal',
  superseded: 'dark',
};

export function MethodStatusBadge({ method }: { method: RiskMethodDto }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[method.status]} variant="light" tt="none">
      {t('risks.method.versionBadge', {
        number: method.number,
        status: t(`risks.method.statuses.${method.status}`),
      })}
    </Badge>
  );
}

/** First use: pick a preset to start from; every number stays editable afterwards. */
function CreateFirst() {
  const { t } = useTranslation();
  const create = useCreateMethod();
  const [preset, setPreset] = useState<RiskMethodPreset>('multiplicative');
  const [name, setName] = useState(() => t('risks.method.defaultName'));
  const problem = problemFields(create.error, {
    name: t('risks.method.name'),
    preset: t('risks.method.preset'),
  });
  return (
    <Card withBorder radius="lg" shadow="xs">
      <EmptyBlock
        icon={<IconAdjustments size={28} stroke={1.5} aria-hidden="true" />}
        title={t('risks.method.emptyTitle')}
        description={t('risks.method.emptyHint')}
        action={
          <Stack gap="sm" align="stretch" w={360}>
            {create.error ? <ProblemDetails error={create.error} fields={problem} /> : null}
            <TextInput
              label={t('risks.method.name')}
              error={problem.error('name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <Select
              label={t('risks.method.preset')}
              data={(['multiplicative', 'additive', 'likelihood_impact'] as const).map((p) => ({
                value: p,
                label: t(`risks.method.formulas.${p}.label`),
              }))}
              value={preset}
              onChange={(value) => value && setPreset(value as RiskMethodPreset)}
              allowDeselect={false}
              error={problem.error('preset')}
              comboboxProps={{ withinPortal: true }}
            />
            <Button
              loading={create.isPending}
              disabled={name.trim() === ''}
              onClick={() => create.mutate({ name: name.trim(), preset })}
            >
              {t('risks.method.create')}
            </Button>
          </Stack>
        }
      />
    </Card>
  );
}

function History({ methods }: { methods: RiskMethodDto[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder radius="lg" shadow="xs" padding={0}>
      <Table aria-label={t('risks.method.history')} verticalSpacing="xs" horizontalSpacing="md">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>{t('risks.method.version')}</Table.Th>
            <Table.Th>{t('risks.method.name')}</Table.Th>
            <Table.Th>{t('risks.method.status')}</Table.Th>
            <Table.Th>{t('risks.method.approvedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {methods.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td fz="sm">{m.number}</Table.Td>
              <Table.Td fz="sm">{m.name}</Table.Td>
              <Table.Td>
                <MethodStatusBadge method={m} />
              </Table.Td>
              <Table.Td fz="sm">{m.approvedAt ? format.dateTime(m.approvedAt) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The risk method (4.2.1.c): the version being worked on, the one in force and their history. */
export function MethodPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const methods = useRiskMethods();
  const create = useCreateMethod();
  const { latest, inForce } = methodVersions(methods.data);
  const write = can('isms:write');

  if (methods.isPending) return <LoadingRows rows={6} />;
  if (methods.isError)
    return (
      <ErrorState
        error={methods.error}
        onRetry={() => void methods.refetch()}
        retrying={methods.isFetching}
      />
    );
  if (!latest)
    return write ? (
      <CreateFirst />
    ) : (
      <EmptyBlock
        icon={<IconAdjustments size={28} stroke={1.5} aria-hidden="true" />}
        title={t('risks.method.emptyTitle')}
      />
    );

  const editable = write && latest.status === 'draft';
  return (
    <Stack gap="md">
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Group gap="xs">
          <MethodStatusBadge method={latest} />
          {inForce ? (
            <Text fz="sm" c="dimmed">
              {t('risks.method.inForce', {
                number: inForce.number,
                date: format.dateTime(inForce.approvedAt),
              })}
            </Text>
          ) : (
            <Text fz="sm" c="red.9">
              {t('risks.method.noneInForce')}
            </Text>
          )}
        </Group>
        {write && latest.status !== 'draft' && latest.status !== 'in_review' && (
          <Button
            variant="default"
            leftSection={<IconCopy size={16} aria-hidden="true" />}
            loading={create.isPending}
            onClick={() => create.mutate({ name: latest.name, definition: latest.definition })}
          >
            {t('risks.method.startNext')}
          </Button>
        )}
      </Group>
      {create.error ? (
        <ProblemDetails
          error={create.error}
          // The next version copies this one: no input of its own, each part named.
          fields={problemFields(create.error, methodFieldLabels(t), [])}
        />
      ) : null}
      {latest.status === 'in_review' && (
        <Alert color="yellow">{t('risks.method.inReviewHint')}</Alert>
      )}
      <MethodForm key={`${latest.id}-${latest.version}`} method={latest} editable={editable} />
      {methods.data.length > 1 && <History methods={methods.data} />}
    </Stack>
  );
}
