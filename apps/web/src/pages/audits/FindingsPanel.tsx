import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useMarkedRow } from '../../lib/useMarkedRow';
import { useSignedInSession } from '../../session/useSession';
import { RESULT_COLORS } from './ChecklistPanel';
import { FindingEditModal } from './FindingEditModal';
import { FindingFollowUpModal } from './FindingFollowUpModal';
import { useFindings, type AuditFinding } from './checklistApi';

const STATUS_COLORS: Record<string, string> = {
  open: 'orange',
  corrected: 'blue',
  verified: 'green',
  transferred: 'gray',
};

/** The audit's findings and their follow-up: correction by the auditee, verification by the team. */
export function FindingsPanel({ auditId }: { auditId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const format = useFormat();
  const { can } = useSignedInSession();
  const findings = useFindings(auditId);
  const [dialog, setDialog] = useState<{
    finding: AuditFinding;
    step: 'correct' | 'verify' | 'edit';
  } | null>(null);
  const mark = useMarkedRow('finding', findings.data?.map((f) => f.id) ?? []);

  if (findings.isPending) return <LoadingRows />;
  if (findings.isError) {
    return <ErrorState error={findings.error} onRetry={() => void findings.refetch()} />;
  }
  const items = findings.data;
  const open = (status: string) =>
    status === 'in_progress' || status === 'reported' || status === 'follow_up';

  return (
    <SectionCard
      id="audit-findings"
      title={t('auditChecklist.findings.title')}
      flush={items.length > 0}
    >
      {items.length === 0 ? (
        <EmptyBlock
          icon={<IconChecks size={24} aria-hidden="true" />}
          title={t('auditChecklist.findings.emptyTitle')}
          description={t('auditChecklist.findings.emptyDescription')}
        />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('auditChecklist.findings.columns.number')}</Table.Th>
                <Table.Th w={150}>{t('auditChecklist.findings.columns.kind')}</Table.Th>
                <Table.Th>{t('auditChecklist.findings.columns.description')}</Table.Th>
                <Table.Th w={140}>{t('auditChecklist.findings.columns.unit')}</Table.Th>
                <Table.Th w={130}>{t('auditChecklist.findings.columns.dueDate')}</Table.Th>
                <Table.Th w={200}>{t('auditChecklist.findings.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((finding) => {
                const followUp = open(finding.audit.status);
                return (
                  <Table.Tr key={finding.id} {...mark(finding.id)}>
                    <Table.Td>{finding.number}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={RESULT_COLORS[finding.kind]}>
                        {t(`auditChecklist.results.${finding.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {finding.ref && (
                          <Text fz="xs" c="dimmed">
                            {`${finding.ref.displayId[lang]} ${finding.ref.title[lang]}`}
                          </Text>
                        )}
                        <Text fz="sm">{finding.description}</Text>
                        {finding.correction && (
                          <Text fz="xs" c="dimmed">
                            {finding.correction}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>{finding.unit?.name ?? ''}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Text fz="sm">{finding.dueDate ? format.date(finding.dueDate) : ''}</Text>
                        {finding.overdue && (
                          <Badge color="red" variant="light" size="sm">
                            {t('auditChecklist.findings.overdue')}
                          </Badge>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Badge variant="light" color={STATUS_COLORS[finding.status]}>
                          {t(`auditChecklist.findings.statuses.${finding.status}`)}
                        </Badge>
                        {finding.correctedBy && (
                          <Text fz="xs" c="dimmed">
                            {t('auditChecklist.findings.correctedBy', {
                              name: finding.correctedBy.name,
                            })}
                          </Text>
                        )}
                        {finding.verifiedBy && (
                          <Text fz="xs" c="dimmed">
                            {t('auditChecklist.findings.verifiedBy', {
                              name: finding.verifiedBy.name,
                            })}
                          </Text>
                        )}
                        <Group gap={4}>
                          {followUp && can('audits:conduct') && finding.status === 'open' && (
                            <Button
                              size="compact-xs"
                              variant="default"
                              onClick={() => setDialog({ finding, step: 'edit' })}
                            >
                              {t('auditChecklist.findings.edit')}
                            </Button>
                          )}
                          {followUp &&
                            can('audits:respond') &&
                            (finding.status === 'open' || finding.status === 'corrected') && (
                              <Button
                                size="compact-xs"
                                variant="default"
                                onClick={() => setDialog({ finding, step: 'correct' })}
                              >
                                {t('auditChecklist.findings.correct')}
                              </Button>
                            )}
                          {followUp && can('audits:conduct') && finding.status === 'corrected' && (
                            <Button
                              size="compact-xs"
                              variant="default"
                              onClick={() => setDialog({ finding, step: 'verify' })}
                            >
                              {t('auditChecklist.findings.verify')}
                            </Button>
                          )}
                        </Group>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.step === 'edit' && (
        <FindingEditModal
          auditId={auditId}
          finding={dialog.finding}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog && dialog.step !== 'edit' && (
        <FindingFollowUpModal
          auditId={auditId}
          finding={dialog.finding}
          step={dialog.step}
          onClose={() => setDialog(null)}
        />
      )}
    </SectionCard>
  );
}
