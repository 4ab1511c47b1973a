import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayIdIn, type AuditReportContent } from '@mamoru/contracts';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';

const COUNTS = ['conform', 'major_nc', 'minor_nc', 'observation', 'ofi', 'unanswered'] as const;
const KIND_COLOR = { major_nc: 'red', minor_nc: 'orange', observation: 'yellow', ofi: 'blue' };

type Criterion = { id: string | null; displayId: string };
const idIn = (c: Criterion, lang: string) =>
  c.id ? displayIdIn({ id: c.id, displayId: c.displayId }, lang) : '';

/** The report's results per clause and its findings, as the report states them. */
export function ReportResults({ content }: { content: AuditReportContent }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.language;
  const text = (x: { ja: string; en: string }) => (lang === 'ja' ? x.ja : x.en);
  return (
    <>
      <SectionCard id="audit-report-results" title={t('auditReport.results')} flush>
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auditReport.columns.id')}</Table.Th>
                <Table.Th>{t('auditReport.columns.clause')}</Table.Th>
                {COUNTS.map((k) => (
                  <Table.Th key={k} ta="right">
                    {t(`auditReport.columns.${k}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {content.clauses.map((cl) => (
                <Table.Tr key={`${cl.kind}-${cl.id ?? 'custom'}`}>
                  <Table.Td>{idIn(cl, lang)}</Table.Td>
                  <Table.Td>{text(cl.title)}</Table.Td>
                  {COUNTS.map((k) => (
                    <Table.Td key={k} ta="right">
                      {cl.counts[k]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SectionCard>
      <SectionCard id="audit-report-findings" title={t('auditReport.findings')} flush>
        {content.findings.length === 0 ? (
          <Stack px="lg" pb="lg">
            <Text c="dimmed">{t('auditReport.noFindings')}</Text>
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  {(
                    [
                      'number',
                      'kind',
                      'criterion',
                      'unit',
                      'description',
                      'dueDate',
                      'findingStatus',
                    ] as const
                  ).map((k) => (
                    <Table.Th key={k}>{t(`auditReport.columns.${k}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {content.findings.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>{f.number}</Table.Td>
                    <Table.Td>
                      <Badge color={KIND_COLOR[f.kind]} variant="light">
                        {t(`auditReport.kind.${f.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {f.criterion ? `${idIn(f.criterion, lang)} ${text(f.criterion.title)}` : '—'}
                    </Table.Td>
                    <Table.Td>{f.unit ?? '—'}</Table.Td>
                    <Table.Td>{f.description}</Table.Td>
                    <Table.Td>{f.dueDate ? format.date(f.dueDate) : '—'}</Table.Td>
                    <Table.Td>{t(`auditReport.findingStatus.${f.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
    </>
  );
}
