import { Alert, Badge, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconCheck, IconSignature } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { displayIdIn } from '@mamoru/contracts';
import { ErrorState, FormError, LoadingBlock } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { ReportExportMenu } from './ReportExportMenu';
import { ReportResults } from './ReportResults';
import {
  useAcknowledgeReport,
  useApproveReport,
  useAuditReport,
  useSaveReport,
  type AuditReport,
} from './reportApi';

const STATUS_COLOR = { draft: 'gray', approved: 'green', acknowledged: 'teal' } as const;

/** Summary and conclusion of a draft, saved with the version read; 422 errors at their inputs. */
function DraftForm({ report }: { report: AuditReport }) {
  const { t } = useTranslation();
  const toast = useToast();
  const save = useSaveReport();
  const [summary, setSummary] = useState(report.summary);
  const [conclusion, setConclusion] = useState(report.conclusion);
  const labels = { summary: t('auditReport.summary'), conclusion: t('auditReport.conclusion') };
  const problem = problemFields(save.error, labels);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { report, input: { summary, conclusion } },
      { onSuccess: () => toast.success(t('auditReport.saved')) },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} extra={problem.unplaced.map(unplacedText)} />
        <Textarea
          label={labels.summary}
          value={summary}
          error={problem.error('summary')}
          onChange={(e) => setSummary(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        <Textarea
          label={labels.conclusion}
          value={conclusion}
          error={problem.error('conclusion')}
          onChange={(e) => setConclusion(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" variant="default" loading={save.isPending}>
            {t('auditReport.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Approval by the lead auditor and acknowledgement by the auditee unit's head. */
function Decisions({ report }: { report: AuditReport }) {
  const { t } = useTranslation();
  const toast = useToast();
  const approve = useApproveReport();
  const acknowledge = useAcknowledgeReport();
  const error = approve.error ?? acknowledge.error;
  const problem = problemFields(error, { checklist: t('auditReport.checklist') }, []);
  if (!report.can.approve && !report.can.acknowledge) return null;
  return (
    <Stack gap="xs">
      <FormError error={error} extra={problem.unplaced.map(unplacedText)} />
      <Group>
        {report.can.approve && (
          <Button
            leftSection={<IconCheck size={16} aria-hidden="true" />}
            loading={approve.isPending}
            onClick={() =>
              approve.mutate(
                { report, input: undefined },
                { onSuccess: () => toast.success(t('auditReport.approved')) },
              )
            }
          >
            {t('auditReport.approve')}
          </Button>
        )}
        {report.can.acknowledge && (
          <Button
            leftSection={<IconSignature size={16} aria-hidden="true" />}
            loading={acknowledge.isPending}
            onClick={() =>
              acknowledge.mutate(
                { report, input: undefined },
                { onSuccess: () => toast.success(t('auditReport.acknowledged')) },
              )
            }
          >
            {t('auditReport.acknowledge')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The audit page's report tab (監査報告書): draft, approval, acknowledgement, exports. */
export function ReportPanel({ auditId }: { auditId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useAuditReport(auditId);
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const report = query.data;
  const c = report.content;
  const lang = i18n.language;
  const criteria = [...c.audit.requirements, ...c.audit.controls];
  const sep = t('auditReport.separator');

  return (
    <Stack gap="lg">
      <SectionCard
        id="audit-report"
        title={t('auditReport.title')}
        actions={
          <Group gap="xs">
            <Badge color={STATUS_COLOR[report.status]} variant="light">
              {t(`auditReport.status.${report.status}`)}
            </Badge>
            {report.status !== 'draft' && <ReportExportMenu auditId={auditId} />}
          </Group>
        }
      >
        <Stack gap="sm" pb="lg">
          {report.approvedBy && (
            <Text fz="sm">
              {t('auditReport.approvedBy', {
                name: report.approvedBy.name,
                date: format.date(report.approvedAt),
              })}
            </Text>
          )}
          {report.acknowledgedBy && (
            <Text fz="sm">
              {t('auditReport.acknowledgedBy', {
                name: report.acknowledgedBy.name,
                date: format.date(report.acknowledgedAt),
              })}
            </Text>
          )}
          {report.status === 'draft' && (
            <Alert variant="light" color="blue">
              {t('auditReport.draftNote')}
            </Alert>
          )}
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t('auditReport.period')}</Table.Th>
                <Table.Td>
                  {format.date(c.audit.plannedStart)} – {format.date(c.audit.plannedEnd)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('auditReport.units')}</Table.Th>
                <Table.Td>{c.audit.auditeeUnits.map((u) => u.name).join(sep) || '—'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('auditReport.team')}</Table.Th>
                <Table.Td>
                  {c.team
                    .map((m) =>
                      t('auditReport.teamMember', {
                        name: m.name,
                        role: t(`auditReport.${m.role}`),
                      }),
                    )
                    .join(sep) || '—'}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('auditReport.criteria')}</Table.Th>
                <Table.Td>
                  {criteria
                    .map((x) => displayIdIn({ id: x.id ?? '', displayId: x.displayId }, lang))
                    .join(sep) || '—'}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {report.can.edit ? (
            // Keyed by version: a saved or reloaded draft starts the inputs afresh.
            <DraftForm key={report.version} report={report} />
          ) : (
            <Stack gap="xs">
              <Text fw={600}>{t('auditReport.summary')}</Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>
                {report.summary || t('auditReport.none')}
              </Text>
              <Text fw={600}>{t('auditReport.conclusion')}</Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>
                {report.conclusion || t('auditReport.none')}
              </Text>
            </Stack>
          )}
          <Decisions report={report} />
        </Stack>
      </SectionCard>
      <ReportResults content={c} />
    </Stack>
  );
}
