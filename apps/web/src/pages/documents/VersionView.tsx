import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import type { DocumentVersion } from './api';
import { Markdown } from './Markdown';
import { RetiredBanner, VersionBadge } from './StatusBadges';
import { VersionFiles } from './VersionFiles';

const POLICY_FIELDS = [
  'objectivesFramework',
  'obligationsConsidered',
  'riskCriteriaReference',
] as const;

/** A version's text as readers see it, with its banner when it is no longer in force. */
export function VersionView({ version }: { version: DocumentVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  return (
    <Stack gap="md">
      <RetiredBanner version={version} />
      <Card withBorder radius="lg" shadow="xs">
        <Stack gap="sm">
          <Group gap="sm">
            <VersionBadge version={version} />
            {version.issuedAt && (
              <Text fz="sm" c="dimmed">
                {t('documents.page.issuedOn', { date: format.date(version.issuedAt) })}
              </Text>
            )}
          </Group>
          {version.changeSummary && (
            <Text fz="sm">
              {t('documents.page.changeSummary')}: {version.changeSummary}
            </Text>
          )}
          {version.body.trim() ? (
            <Markdown text={version.body} />
          ) : (
            <Text c="dimmed">{t('documents.page.emptyBody')}</Text>
          )}
          {/* Listing files needs isms:read; readers of issued documents only see the text. */}
          {can('isms:read') && <VersionFiles versionId={version.id} editable={false} />}
        </Stack>
      </Card>
      {version.policyFields && (
        <Card withBorder radius="lg">
          <Stack gap="sm">
            <Title order={2} fz="md">
              {t('documents.policy.heading')}
            </Title>
            {POLICY_FIELDS.map((key) => (
              <Stack gap={2} key={key}>
                <Text fw={600} fz="sm">
                  {t(`documents.policy.${key}`)}
                </Text>
                <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {version.policyFields?.[key] || '—'}
                </Text>
              </Stack>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
