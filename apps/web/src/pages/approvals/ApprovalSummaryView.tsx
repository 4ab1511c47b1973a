import { Anchor, Badge, Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApprovalSummary, type ApprovalSummary } from '../../api/approvals';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { textColorOn } from '../risks/method/methodForm';
import { ChangesView } from './ChangesView';
import { inLang } from './lang';

type TreatmentOption = 'apply_controls' | 'retain' | 'avoid' | 'transfer';

function Facts({ facts }: { facts: ApprovalSummary['facts'] }) {
  const { i18n } = useTranslation();
  const shown = facts.filter((f) => inLang(f.value, i18n.language) !== '');
  if (shown.length === 0) return null;
  return (
    <Box component="dl" m={0}>
      {shown.map((f, i) => (
        <Group key={i} gap="xs" align="baseline" wrap="nowrap">
          <Text component="dt" fz="sm" c="dimmed" miw={160}>
            {inLang(f.label, i18n.language)}
          </Text>
          <Text component="dd" fz="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
            {inLang(f.value, i18n.language)}
          </Text>
        </Group>
      ))}
    </Box>
  );
}

function Band({ band }: { band: NonNullable<ApprovalSummary['risks']>[number]['level'] }) {
  const { i18n } = useTranslation();
  if (!band) return <Text fz="sm">—</Text>;
  return (
    <Badge
      radius="sm"
      tt="none"
      size="sm"
      style={{ background: band.color, color: textColorOn(band.color) }}
    >
      {inLang(band.label, i18n.language)}
    </Badge>
  );
}

function Risks({ summary }: { summary: ApprovalSummary }) {
  const { t, i18n } = useTranslation();
  if (!summary.risks) return null;
  return (
    <Stack gap={4}>
      <Title order={3} fz="sm">
        {t('approvalSummary.risks.title')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table fz="sm" verticalSpacing={4} aria-label={t('approvalSummary.risks.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('approvalSummary.risks.risk')}</Table.Th>
              <Table.Th>{t('approvalSummary.risks.level')}</Table.Th>
              <Table.Th>{t('approvalSummary.risks.residualLevel')}</Table.Th>
              <Table.Th>{t('approvalSummary.risks.option')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.risks.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text span ff="monospace" fz="xs" mr={6}>
                    {r.code}
                  </Text>
                  {inLang(r.title, i18n.language)}
                </Table.Td>
                <Table.Td>
                  <Band band={r.level} />
                </Table.Td>
                <Table.Td>
                  <Band band={r.residualLevel} />
                </Table.Td>
                <Table.Td>
                  {r.treatmentOption
                    ? t(`risks.treatmentOptions.${r.treatmentOption as TreatmentOption}`)
                    : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {summary.moreRisks > 0 && (
        <Text fz="xs" c="dimmed">
          {t('approvalSummary.more', { count: summary.moreRisks })}
        </Text>
      )}
    </Stack>
  );
}

/** The summary itself: who asks, a link to the object, its facts, changes and risks. */
export function SummaryBody({ summary }: { summary: ApprovalSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" data-testid="approval-summary">
      <Group justify="space-between" align="baseline" gap="xs">
        <Text fz="sm">
          {t('approvalSummary.requestedBy', {
            name: summary.requester.name ?? t('approvals.someone'),
            date: format.dateTime(summary.requestedAt),
          })}
        </Text>
        {summary.link && (
          <Anchor component={Link} to={summary.link} fz="sm" target="_blank">
            <Group gap={4} component="span" wrap="nowrap">
              {t('approvalSummary.open')}
              <IconExternalLink size={14} aria-hidden="true" />
            </Group>
          </Anchor>
        )}
      </Group>
      {summary.detail === 'basic' ? (
        <Text fz="sm" c="dimmed">
          {t('approvalSummary.basic')}
        </Text>
      ) : (
        <>
          <Facts facts={summary.facts} />
          {summary.changes && <ChangesView changes={summary.changes} />}
          <Risks summary={summary} />
        </>
      )}
    </Stack>
  );
}

/** Fetches and shows the summary of one approval, so the approver decides from it. */
export function ApprovalSummaryView({ approvalId }: { approvalId: string }) {
  const { t } = useTranslation();
  const summary = useApprovalSummary(approvalId);
  if (summary.isPending) return <LoadingRows rows={3} />;
  if (summary.isError) {
    return (
      <ErrorState
        title={t('approvalSummary.unavailable')}
        error={summary.error}
        onRetry={() => void summary.refetch()}
        retrying={summary.isFetching}
      />
    );
  }
  return <SummaryBody summary={summary.data} />;
}
