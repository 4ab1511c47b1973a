import { Anchor, Badge, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconFileText } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CatalogControlDetail } from '../../api/catalog';
import { SectionCard } from '../../components/SectionCard';
import { LevelBadge, RiskStatusBadge } from '../risks/register/badges';
import { uiLang } from '../risks/catalogs/labels';

type Usage = CatalogControlDetail['usage'];
type Area = Usage['hidden'][number];

/** One place the control is used: the items, a count when more exist, or why there are none. */
function UsageList({
  id,
  title,
  icon,
  total,
  shown,
  hidden,
  emptyText,
  children,
}: {
  id: string;
  title: string;
  icon: ReactNode;
  total: number;
  shown: number;
  hidden: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(uiLang(i18n.language) === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <Stack gap={6} component="section" aria-labelledby={id}>
      <Group gap={8} wrap="nowrap">
        <ThemeIcon variant="light" color="gray" size={28} radius="md">
          {icon}
        </ThemeIcon>
        <Title order={3} fz="sm" id={id}>
          {title}
        </Title>
        {!hidden && (
          <Badge variant="light" color="gray" size="sm" radius="sm">
            {format.format(total)}
          </Badge>
        )}
      </Group>
      {hidden ? (
        <Text fz="sm" c="dimmed">
          {t('catalog.control.usageHidden')}
        </Text>
      ) : shown === 0 ? (
        <Text fz="sm" c="dimmed">
          {emptyText}
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

/** Where the control is used: risks, the statement of applicability and documents. */
export function ControlUsageCard({ controlId, usage }: { controlId: string; usage: Usage }) {
  const { t } = useTranslation();
  const hidden = (area: Area) => usage.hidden.includes(area);
  return (
    <SectionCard
      id="control-usage"
      title={t('catalog.control.usage')}
      description={t('catalog.control.usageHint')}
    >
      <UsageList
        id="usage-risks"
        title={t('catalog.control.usageRisks')}
        icon={<IconAlertTriangle size={16} aria-hidden="true" />}
        total={usage.totals.risks}
        shown={usage.risks.length}
        hidden={hidden('risks')}
        emptyText={t('catalog.control.usageRisksEmpty')}
      >
        <RiskItems risks={usage.risks} />
      </UsageList>
      <UsageList
        id="usage-soa"
        title={t('catalog.control.usageSoa')}
        icon={<IconChecklist size={16} aria-hidden="true" />}
        total={usage.soa.length}
        shown={usage.soa.length}
        hidden={hidden('soa')}
        emptyText={t('catalog.control.usageSoaEmpty')}
      >
        <SoaItems soa={usage.soa} controlId={controlId} />
      </UsageList>
      <UsageList
        id="usage-documents"
        title={t('catalog.control.usageDocuments')}
        icon={<IconFileText size={16} aria-hidden="true" />}
        total={usage.totals.documents}
        shown={usage.documents.length}
        hidden={hidden('documents')}
        emptyText={t('catalog.control.usageDocumentsEmpty')}
      >
        <DocumentItems documents={usage.documents} />
      </UsageList>
    </SectionCard>
  );
}
