import { Anchor, Badge, Group, List, Stack, Switch, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconFileText } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { catalogKey, type CatalogControlDetail } from '../../api/catalog';
import { api } from '../../api/client';
import { FormError } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { LevelBadge, RiskStatusBadge } from '../risks/register/badges';
import { uiLang } from '../risks/catalogs/labels';

type Usage = CatalogControlDetail['usage'];
type Area = Usage['hidden'][number];

/**
 * Each place a control is used: the suffix of its title and empty-text keys,
 * its icon, and how many items exist and how many came with the control.
 */
const AREAS = {
  risks: {
    label: 'Risks',
    Icon: IconAlertTriangle,
    count: (u: Usage): [number, number] => [u.totals.risks, u.risks.length],
  },
  soa: {
    label: 'Soa',
    Icon: IconChecklist,
    count: (u: Usage): [number, number] => [u.soa.length, u.soa.length],
  },
  documents: {
    label: 'Documents',
    Icon: IconFileText,
    count: (u: Usage): [number, number] => [u.totals.documents, u.documents.length],
  },
} as const;

/**
 * The control's usage with withdrawn documents too, fetched only while
 * `enabled`; under the control's query key, so what refreshes it refreshes this.
 */
function useUsageWithObsolete(libraryId: string, controlId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...catalogKey, 'control', libraryId, controlId, { includeObsolete: true }],
    queryFn: ({ signal }) =>
      api.get<CatalogControlDetail>(
        `/api/v1/catalogs/${encodeURIComponent(libraryId)}/controls/${encodeURIComponent(controlId)}?includeObsolete=true`,
        { signal },
      ),
    enabled,
  });
}

/** One place the control is used: the items, a count when more exist, or why there are none. */
function UsageList({
  area,
  usage,
  action,
  children,
}: {
  area: Area;
  usage: Usage;
  action?: ReactNode;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(uiLang(i18n.language) === 'ja' ? 'ja-JP' : 'en-GB');
  const { label, Icon, count } = AREAS[area];
  const [total, shown] = count(usage);
  const id = `usage-${area}`;
  const hidden = usage.hidden.includes(area);
  return (
    <Stack gap={6} component="section" aria-labelledby={id}>
      <Group gap={8} wrap="nowrap">
        <ThemeIcon variant="light" color="gray" size={28} radius="md">
          <Icon size={16} aria-hidden="true" />
        </ThemeIcon>
        <Title order={3} fz="sm" id={id}>
          {t(`catalog.control.usage${label}`)}
        </Title>
        {!hidden && (
          <Badge variant="light" color="gray" size="sm" radius="sm">
            {format.format(total)}
          </Badge>
        )}
      </Group>
      {!hidden && action}
      {hidden ? (
        <Text fz="sm" c="dimmed">
          {t('catalog.control.usageHidden')}
        </Text>
      ) : shown === 0 ? (
        <Text fz="sm" c="dimmed">
          {t(`catalog.control.usage${label}Empty`)}
        </Text>
      ) : (
        <>
          <List size="sm" spacing={6} listStyleType="none">
            {children}
          </List>
          {total > shown && (
            <Text fz="xs" c="dimmed">
              {t('catalog.control.usageShowing', {
                shown: format.format(shown),
                total: format.format(total),
              })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function RiskItems({ risks }: { risks: Usage['risks'] }) {
  const { t, i18n } = useTranslation();
  const lang = uiLang(i18n.language);
  return risks.map((risk) => (
    <List.Item key={risk.id}>
      <Group gap={8} wrap="wrap">
        <Anchor component={Link} to={`/risks?risk=${encodeURIComponent(risk.id)}`} fz="sm">
          {risk.code}
        </Anchor>
        <Text span fz="sm">
          {risk.asset.name} × {risk.threat.name[lang] || risk.threat.name.ja}
        </Text>
        <LevelBadge value={risk.value} level={risk.level} />
        <RiskStatusBadge status={risk.status} />
        <Text span fz="xs" c="dimmed">
          {risk.roles.map((role) => t(`catalog.control.usageRoles.${role}`)).join(' · ')}
        </Text>
      </Group>
    </List.Item>
  ));
}

function SoaItems({ soa, controlId }: { soa: Usage['soa']; controlId: string }) {
  const { t } = useTranslation();
  return soa.map((entry) => {
    const decision =
      entry.applicable === null
        ? t('soa.decision.undecided')
        : entry.applicable
          ? t('soa.decision.applicable')
          : t('soa.decision.excluded');
    return (
      <List.Item key={entry.versionId}>
        <Stack gap={2}>
          <Group gap={8} wrap="wrap">
            <Anchor
              component={Link}
              to={`/statement-of-applicability?control=${encodeURIComponent(controlId)}`}
              fz="sm"
            >
              {t('catalog.control.usageSoaVersion', {
                title: entry.title,
                number: entry.versionNumber,
                status: t(`soa.statuses.${entry.versionStatus}`),
              })}
            </Anchor>
            <Badge
              variant="light"
              tt="none"
              color={entry.applicable === null ? 'yellow' : entry.applicable ? 'teal' : 'gray'}
            >
              {decision}
            </Badge>
            {entry.applicable && (
              <Text span fz="xs" c="dimmed">
                {t(`soa.implementation.${entry.implementationStatus}`)}
              </Text>
            )}
          </Group>
          <Text fz="xs" c="dimmed">
            {entry.justification || t('catalog.control.usageNoJustification')}
          </Text>
        </Stack>
      </List.Item>
    );
  });
}

function DocumentItems({ documents }: { documents: Usage['documents'] }) {
  const { t } = useTranslation();
  return documents.map((doc) => (
    <List.Item key={doc.id}>
      <Group gap={8} wrap="wrap">
        <Anchor component={Link} to={`/documents/${encodeURIComponent(doc.id)}`} fz="sm">
          {doc.code} {doc.title}
        </Anchor>
        <Text span fz="xs" c="dimmed">
          {t(`documents.types.${doc.type}`)}
        </Text>
        <Badge variant="light" tt="none" color={doc.status === 'issued' ? 'teal' : 'gray'}>
          {t(`documents.statuses.${doc.status}`)}
        </Badge>
        {doc.currentRevision !== null && (
          <Text span fz="xs" c="dimmed">
            {t('catalog.control.usageRevision', { revision: doc.currentRevision })}
          </Text>
        )}
      </Group>
    </List.Item>
  ));
}

/**
 * Where the control is used: risks, the statement of applicability and
 * documents, withdrawn ones too when the user switches them on.
 */
export function ControlUsageCard({
  libraryId,
  controlId,
  usage: current,
}: {
  libraryId: string;
  controlId: string;
  usage: Usage;
}) {
  const { t } = useTranslation();
  const [includeObsolete, setIncludeObsolete] = useState(false);
  const withObsolete = useUsageWithObsolete(libraryId, controlId, includeObsolete);
  const usage = (includeObsolete && withObsolete.data?.usage) || current;
  const obsoleteSwitch = (
    <Stack gap={4}>
      <Switch
        size="xs"
        label={t('catalog.control.usageIncludeObsolete')}
        checked={includeObsolete}
        onChange={(e) => setIncludeObsolete(e.currentTarget.checked)}
      />
      {includeObsolete && <FormError error={withObsolete.error} />}
    </Stack>
  );
  return (
    <SectionCard
      id="control-usage"
      title={t('catalog.control.usage')}
      description={t('catalog.control.usageHint')}
    >
      <UsageList area="risks" usage={usage}>
        <RiskItems risks={usage.risks} />
      </UsageList>
      <UsageList area="soa" usage={usage}>
        <SoaItems soa={usage.soa} controlId={controlId} />
      </UsageList>
      <UsageList area="documents" usage={usage} action={obsoleteSwitch}>
        <DocumentItems documents={usage.documents} />
      </UsageList>
    </SectionCard>
  );
}
