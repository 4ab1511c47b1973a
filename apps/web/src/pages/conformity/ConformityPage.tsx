import {
  Box,
  Button,
  Card,
  Group,
  Menu,
  SegmentedControl,
  Stack,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconCertificate, IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { displayIdIn } from '@mamoru/contracts';
import { useSearchParams } from 'react-router';
import {
  conformityExportUrl,
  localized,
  useConformity,
  type ConformityItem,
  type ConformityReport,
  type ConformityStatus,
} from '../../api/conformity';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useDownload } from '../../lib/useDownload';
import { ItemDrawer } from './ItemDrawer';
import { AttestationsCard } from './attestations/AttestationsCard';
import { StatusBadge, STATUSES } from './StatusBadge';

type Group = ConformityReport['groups'][number];

/** Requirement IDs in document order: numbers by value, letters alphabetically. */
function compareIds(a: string, b: string) {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    const diff = /^\d+$/.test(p) && /^\d+$/.test(q) ? Number(p) - Number(q) : p.localeCompare(q);
    if (diff) return diff;
  }
  return x.length - y.length;
}

const isStatus = (v: string | null): v is ConformityStatus =>
  !!v && (STATUSES as readonly string[]).includes(v);

function ItemRow({ item, onOpen }: { item: ConformityItem; onOpen: () => void }) {
  const { i18n } = useTranslation();
  return (
    <UnstyledButton
      onClick={onOpen}
      p="xs"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      className="conformity-item-row"
      data-testid={`item-${item.id}`}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box w={140} style={{ flexShrink: 0 }}>
          <StatusBadge status={item.status} />
        </Box>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fz="sm" fw={600}>
            {displayIdIn(item, i18n.language)} {localized(item.title, i18n.language)}
          </Text>
          <Text fz="xs" c="dimmed" lineClamp={2}>
            {localized(item.explanation, i18n.language)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** A clause with its sub-clauses and items; hidden when the filter leaves nothing in it. */
function Clause(props: {
  group: Group;
  groups: Group[];
  items: ConformityItem[];
  depth: number;
  onOpen: (id: string) => void;
}) {
  const { group, groups, items, depth, onOpen } = props;
  const { i18n } = useTranslation();
  const under = (id: string) => (x: { parentIds: string[] }) => x.parentIds.at(-1) === id;
  const contains = (g: Group): boolean => items.some((i) => i.parentIds.includes(g.id));
  if (!contains(group)) return null;
  // Items and sub-clauses in the standard's order (4.2.1.a, then the group 4.2.1.b, then c…).
  const children = [
    ...items.filter(under(group.id)).map((item) => ({ id: item.id, item })),
    ...groups.filter(under(group.id)).map((g) => ({ id: g.id, group: g })),
  ].sort((a, b) => compareIds(a.id, b.id));
  return (
    <Stack gap={4} pl={depth > 1 ? 'md' : 0} component="section">
      <Title order={depth === 0 ? 2 : 3} fz={depth === 0 ? 'lg' : 'sm'}>
        {displayIdIn(group, i18n.language)} {localized(group.title, i18n.language)}
      </Title>
      {children.map((child) =>
        'item' in child && child.item ? (
          <ItemRow key={child.id} item={child.item} onOpen={() => onOpen(child.id)} />
        ) : 'group' in child && child.group ? (
          <Clause key={child.id} {...props} group={child.group} depth={depth + 1} />
        ) : null,
      )}
    </Stack>
  );
}

/** Every requirement item of the criteria against the organization's data, by clause. */
export function ConformityPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const conformity = useConformity();
  const status = params.get('status');
  const itemId = params.get('item');
  const tab = params.get('tab') === 'attestations' ? 'attestations' : 'items';
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const download = useDownload();

  const update = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const header = (
    <PageHeader
      title={t('conformity.title')}
      eyebrow={t('phases.check.name')}
      description={t('conformity.intro')}
      icon={<IconCertificate size={36} stroke={1.4} aria-hidden="true" />}
      actions={
        <>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button
                variant="default"
                loading={download.busy}
                leftSection={<IconDownload size={16} aria-hidden="true" />}
                rightSection={<IconChevronDown size={14} aria-hidden="true" />}
              >
                {t('conformity.export.button')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component="a" {...download.link(conformityExportUrl('xlsx', lang))}>
                {t('conformity.export.xlsx')}
              </Menu.Item>
              <Menu.Item component="a" {...download.link(conformityExportUrl('pdf', lang))}>
                {t('conformity.export.pdf')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {download.status}
        </>
      }
    />
  );
  if (conformity.isPending) {
    return (
      <Stack gap="xl" maw={1100}>
        {header}
        <LoadingRows rows={8} label={t('conformity.loading')} />
      </Stack>
    );
  }
  if (conformity.isError) {
    return (
      <Stack gap="xl" maw={1100}>
        {header}
        <ErrorState error={conformity.error} onRetry={() => void conformity.refetch()} />
      </Stack>
    );
  }
  const report = conformity.data;
  const shown = isStatus(status) ? report.items.filter((i) => i.status === status) : report.items;
  const exclusions = shown.filter((i) => i.kind === 'exclusions');
  const roots = report.groups.filter((g) => g.parentIds.length === 0);
  const selected = report.items.find((i) => i.id === itemId) ?? null;
  const { summary } = report;
  return (
    <Stack gap="xl" maw={1100}>
      {header}
      <Group justify="space-between" align="center" wrap="wrap" gap="md">
        <Stack gap={2}>
          <Text fw={600} data-testid="conformity-readiness">
            {t('conformity.readinessLine', {
              readiness: summary.readiness,
              met: summary.counts.met,
              total: summary.total,
            })}
            {summary.metByAttestation > 0 &&
              ` (${t('conformity.readinessByAttestation', { count: summary.metByAttestation })})`}
          </Text>
          {summary.gaps > 0 && (
            <Text fz="sm" c="dimmed" data-testid="conformity-gaps">
              {t('conformity.gapsLine', { count: summary.gaps })}
            </Text>
          )}
        </Stack>
        <SegmentedControl
          aria-label={t('conformity.filter.label')}
          value={isStatus(status) ? status : 'all'}
          onChange={(v) => update('status', v === 'all' ? null : v)}
          data={[
            { value: 'all', label: `${t('conformity.filter.all')} ${summary.total}` },
            ...STATUSES.map((s) => ({
              value: s,
              label: `${t(`conformity.status.${s}`)} ${summary.counts[s]}`,
            })),
          ]}
        />
      </Group>
      <Tabs value={tab} onChange={(v) => update('tab', v === 'attestations' ? v : null)}>
        <Tabs.List>
          <Tabs.Tab value="items">{t('conformity.tabs.items')}</Tabs.Tab>
          <Tabs.Tab value="attestations">{t('conformity.tabs.attestations')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'attestations' && <AttestationsCard items={report.items} />}
      <Card withBorder radius="lg" padding="lg" display={tab === 'items' ? undefined : 'none'}>
        {shown.length === 0 ? (
          <Text c="dimmed">{t('conformity.filter.empty')}</Text>
        ) : (
          <Stack gap="lg">
            {exclusions.length > 0 && (
              <Stack gap={4} component="section">
                <Title order={2} fz="lg">
                  {t('conformity.exclusionsClause')}
                </Title>
                {exclusions.map((item) => (
                  <ItemRow key={item.id} item={item} onOpen={() => update('item', item.id)} />
                ))}
              </Stack>
            )}
            {roots.map((g) => (
              <Clause
                key={g.id}
                group={g}
                groups={report.groups}
                items={shown}
                depth={0}
                onOpen={(id) => update('item', id)}
              />
            ))}
          </Stack>
        )}
      </Card>
      <ItemDrawer item={selected} onClose={() => update('item', null)} />
    </Stack>
  );
}
