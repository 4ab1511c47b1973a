import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useDownload } from '../../lib/useDownload';
import { versionPdfUrl, type DocumentVersion } from './api';
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
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const download = useDownload();
  return (
    <Stack gap="md">
      <RetiredBanner version={version} />
      <Card withBorder radius="lg" shadow="xs">
        <Stack gap="sm">
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              <VersionBadge version={version} />
              {version.issuedAt && (
                <Text fz="sm" c="dimmed">
                  {t('documents.page.issuedOn', { date: format.date(version.issuedAt) })}
                </Text>
              )}
            </Group>
            {/* Every version, old ones too: the server watermarks any that is not in force. */}
            <Button
              component="a"
              {...download.link(versionPdfUrl(version.documentId, version.id, i18n.language))}
              loading={download.busy}
              size="xs"
              variant="default"
              leftSection={<IconFileTypePdf size={14} aria-hidden="true" />}
            >
              {t('documents.page.exportPdf')}
            </Button>
            {download.status}
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
          <VersionFiles documentId={version.documentId} versionId={version.id} editable={false} />
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
