import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconListCheck,
  IconListDetails,
  IconSend,
  IconSparkles,
} from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { useSession } from '../../../session/useSession';
import { methodVersions, useRiskMethods } from '../api/methods';
import { FILTER_KEYS, useRiskList, type RiskSort } from '../api/register';
import { CiaTags } from '../catalogs/CatalogListPage';
import { textOf } from '../catalogs/labels';
import { AcceptanceBadge, EvaluationBadge, LevelBadge, RiskStatusBadge } from './badges';
import { BulkTreatmentModal } from './BulkTreatmentModal';
import { GenerateRisksModal } from './GenerateRisksModal';
import { ResidualAcceptanceModal } from './ResidualAcceptanceModal';
import { RegisterFilters, type RegisterFilter, type RegisterKey } from './RegisterFilters';
import { RiskDrawer } from './RiskDrawer';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The register's filter and sort as they stand in the URL. */
export function filterFromParams(params: URLSearchParams): RegisterFilter {
  const filter: RegisterFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  if (params.get('open') === 'true') filter.open = 'true';
  return filter;
}

function SortHeader({
  column,
  sort,
  direction,
  onSort,
  children,
}: {
  column: RiskSort;
  sort: RiskSort;
  direction: 'asc' | 'desc';
  onSort: (column: RiskSort) => void;
  children: ReactNode;
}) {
  const active = sort === column;
  const Icon = !active ? IconArrowsSort : direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} aria-hidden="true" />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The risk register (4.2.1.d–e): filtered, sorted and paged by the server. */
export function RegisterPage() {
  const { t: typedT, i18n } = useTranslation();
  const t = typedT as unknown as LooseT;
  const { can } = useSession();
  const write = can('isms:write');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const sort = (params.get('sort') as RiskSort | null) ?? 'code';
  const direction = params.get('direction') === 'desc' ? 'desc' : 'asc';
  const risks = useRiskList(filter, sort, direction);
  const methods = useRiskMethods();
  const { inForce } = methodVersions(methods.data);
  const [viewing, setViewing] = useState<string | null>(params.get('risk'));
  const [generating, setGenerating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [sending, setSending] = useState<string[] | 'all' | null>(null);
  const [bulk, setBulk] = useState(false);

  const items = risks.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filter).length > 0;
  // The router commits a change in a transition: a second filter chosen before
  // that would start from the old URL and drop the first, so changes not yet
  // committed are kept here until the new URL renders.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [params]);
  const update = (changes: Partial<Record<RegisterKey | 'sort' | 'direction', string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(pending.current ?? prev);
        for (const [key, value] of Object.entries(changes) as [string, string | null][]) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        pending.current = next;
        return next;
      },
      { replace: true },
    );
  const onSort = (column: RiskSort) =>
    update({
      sort: column,
      direction: sort === column && direction === 'asc' ? 'desc' : 'asc',
    });
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const allShownSelected = items.length > 0 && items.every((r) => selected.includes(r.id));

  const generateButton = write && (
    <Button
      leftSection={<IconSparkles size={16} aria-hidden="true" />}
      onClick={() => setGenerating(true)}
    >
      {t('risks.generate.button')}
    </Button>
  );

  return (
    <Stack gap="md">
      {methods.isSuccess && !inForce && (
        <Alert color="orange" title={t('risks.register.noMethodTitle')}>
          <Group gap="sm">
            <Text fz="sm">{t('risks.register.noMethodBody')}</Text>
            <Button component={Link} to="/risks/method" size="xs" variant="default">
              {t('risks.register.openMethod')}
            </Button>
          </Group>
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap" gap="sm">
        <RegisterFilters filter={filter} onChange={update} />
        <Group gap="sm">
          {write && filtered && (
            <Button
              variant="default"
              leftSection={<IconListCheck size={16} aria-hidden="true" />}
              onClick={() => setBulk(true)}
            >
              {t('risks.bulk.button')}
            </Button>
          )}
          {write && (
            <Button
              variant="default"
              leftSection={<IconSend size={16} aria-hidden="true" />}
              onClick={() => setSending(selected.length > 0 ? selected : 'all')}
            >
              {selected.length > 0
                ? t('risks.residual.sendSelected', { count: selected.length })
                : t('risks.residual.sendAll')}
            </Button>
          )}
          {generateButton}
        </Group>
      </Group>
      <Card withBorder radius="lg" padding={0} shadow="xs">
        {risks.isPending ? (
          <Stack p="md">
            <LoadingRows rows={6} label={t('risks.register.loading')} />
          </Stack>
        ) : risks.isError ? (
          <Stack p="md">
            <ErrorState
              error={risks.error}
              onRetry={() => void risks.refetch()}
              retrying={risks.isFetching}
            />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconListDetails size={28} stroke={1.5} aria-hidden="true" />}
            title={filtered ? t('risks.register.noMatch') : t('risks.register.empty')}
            description={filtered ? undefined : t('risks.register.emptyHint')}
            action={
              filtered ? (
                <Button variant="default" onClick={clear}>
                  {t('risks.register.clearFilters')}
                </Button>
              ) : (
                generateButton || undefined
              )
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={1250}>
            <Table
              verticalSpacing="xs"
              horizontalSpacing="sm"
              highlightOnHover
              aria-label={t('risks.tabs.register')}
            >
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  {write && (
                    <Table.Th w={36}>
                      <Checkbox
                        aria-label={t('risks.register.selectShown')}
                        checked={allShownSelected}
                        onChange={() => setSelected(allShownSelected ? [] : items.map((r) => r.id))}
                      />
                    </Table.Th>
                  )}
                  <SortHeader column="code" sort={sort} direction={direction} onSort={onSort}>
                    {t('risks.register.columns.code')}
                  </SortHeader>
                  <Table.Th>{t('risks.register.columns.asset')}</Table.Th>
                  <Table.Th>{t('risks.register.columns.threat')}</Table.Th>
                  <Table.Th>{t('risks.register.columns.affects')}</Table.Th>
                  <SortHeader column="value" sort={sort} direction={direction} onSort={onSort}>
                    {t('risks.register.columns.level')}
                  </SortHeader>
                  <Table.Th>{t('risks.register.columns.evaluation')}</Table.Th>
                  <Table.Th>{t('risks.register.columns.treatment')}</Table.Th>
                  <SortHeader
                    column="residualValue"
                    sort={sort}
                    direction={direction}
                    onSort={onSort}
                  >
                    {t('risks.register.columns.residual')}
                  </SortHeader>
                  <Table.Th>{t('risks.register.columns.residualAcceptance')}</Table.Th>
                  <Table.Th>{t('risks.register.columns.owner')}</Table.Th>
                  <Table.Th>{t('risks.register.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((risk) => (
                  <Table.Tr key={risk.id}>
                    {write && (
                      <Table.Td>
                        <Checkbox
                          aria-label={t('risks.register.selectRisk', { code: risk.code })}
                          checked={selected.includes(risk.id)}
                          onChange={() => toggle(risk.id)}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <UnstyledButton
                        onClick={() => setViewing(risk.id)}
                        c="blue.8"
                        fw={600}
                        fz="sm"
                        ff="monospace"
                      >
                        {risk.code}
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td fz="sm">
                      <Text span ff="monospace" fz="xs" c="dimmed" mr={6}>
                        {risk.asset.code}
                      </Text>
                      {risk.asset.name}
                    </Table.Td>
                    <Table.Td fz="sm">
                      <div>{textOf(risk.threat.name, i18n.language)}</div>
                      {risk.vulnerability && (
                        <Text fz="xs" c="dimmed">
                          {textOf(risk.vulnerability.name, i18n.language)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <CiaTags affects={risk.affects} />
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge value={risk.value} level={risk.level} />
                    </Table.Td>
                    <Table.Td>
                      <EvaluationBadge evaluation={risk.evaluation} />
                    </Table.Td>
                    <Table.Td fz="sm">
                      {risk.treatmentOption
                        ? t(`risks.treatmentOptions.${risk.treatmentOption}`)
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge value={risk.residual.value} level={risk.residual.level} />
                    </Table.Td>
                    <Table.Td>
                      <AcceptanceBadge status={risk.residualAcceptance.status} />
                    </Table.Td>
                    <Table.Td fz="sm">{risk.owner?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <RiskStatusBadge status={risk.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {risks.hasNextPage && (
          <Group
            justify="center"
            p="md"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Button
              variant="default"
              onClick={() => void risks.fetchNextPage()}
              loading={risks.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
        {items.length > 0 && (
          <Text fz="xs" c="dimmed" p="sm" ta="right">
            {t('risks.register.shown', { count: items.length })}
          </Text>
        )}
      </Card>
      <RiskDrawer riskId={viewing} onClose={() => setViewing(null)} />
      {bulk && <BulkTreatmentModal filter={filter} onClose={() => setBulk(false)} />}
      {generating && <GenerateRisksModal onClose={() => setGenerating(false)} />}
      {sending && (
        <ResidualAcceptanceModal
          riskIds={sending === 'all' ? undefined : sending}
          onClose={(sent) => {
            setSending(null);
            if (sent) setSelected([]);
          }}
        />
      )}
    </Stack>
  );
}
