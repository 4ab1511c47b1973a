import { Anchor, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import {
  IconClipboardList,
  IconDownload,
  IconListCheck,
  IconPlus,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { useDownload } from '../../lib/useDownload';
import { useSignedInSession } from '../../session/useSession';
import { ChecklistImportModal } from './ChecklistImportModal';
import { ChecklistLineMenu } from './ChecklistLineMenu';
import { ChecklistLineModal } from './ChecklistLineModal';
import { ChecklistResultModal, useLineReference } from './ChecklistResultModal';
import {
  checklistExportUrl,
  useChecklist,
  useGenerateChecklist,
  useRemoveLine,
  useReorderLines,
  type ChecklistLine,
} from './checklistApi';

export const RESULT_COLORS: Record<string, string> = {
  conform: 'green',
  major_nc: 'red',
  minor_nc: 'orange',
  observation: 'yellow',
  ofi: 'blue',
};

/** Where the auditor opens a piece of the organization's evidence. */
function evidenceHref(ref: ChecklistLine['references'][number], refId: string | null) {
  switch (ref.type) {
    case 'soa_entry':
      return `/statement-of-applicability?control=${encodeURIComponent(refId ?? '')}`;
    case 'document':
      return `/documents/${ref.id}`;
    case 'record':
      return `/records/${ref.id}`;
    case 'risk':
      return `/risks?risk=${encodeURIComponent(ref.id)}`;
  }
}

type Dialog =
  | { kind: 'result'; line: ChecklistLine }
  | { kind: 'line'; line: ChecklistLine | null }
  | { kind: 'import' }
  | null;

/** The audit's checklist: generated from the scope, shaped and answered by the team. */
export function ChecklistPanel({ auditId }: { auditId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const { can } = useSignedInSession();
  const toast = useToast();
  const download = useDownload();
  const reference = useLineReference();
  const checklist = useChecklist(auditId);
  const generate = useGenerateChecklist(auditId);
  const reorder = useReorderLines(auditId);
  const remove = useRemoveLine(auditId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const shaper = can('audits:conduct') || can('audits:manage');

  if (checklist.isPending) return <LoadingRows />;
  if (checklist.isError) {
    return <ErrorState error={checklist.error} onRetry={() => void checklist.refetch()} />;
  }
  const { items, auditStatus } = checklist.data;
  const shapeable = shaper && (auditStatus === 'planned' || auditStatus === 'in_progress');
  const answerable = can('audits:conduct') && auditStatus === 'in_progress';
  const answered = items.filter((l) => l.result !== null).length;

  const onGenerate = () =>
    generate.mutate(undefined, {
      onSuccess: ({ added }) =>
        toast.success(t('auditChecklist.checklist.generated', { count: added })),
      onError: (error) => toast.error(error.message),
    });
  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((l) => l.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate(ids, { onError: (error) => toast.error(error.message) });
  };

  const actions = (
    <Group gap="xs">
      {shapeable && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconListCheck size={14} aria-hidden="true" />}
          loading={generate.isPending}
          onClick={onGenerate}
        >
          {t('auditChecklist.checklist.generate')}
        </Button>
      )}
      {shapeable && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => setDialog({ kind: 'line', line: null })}
        >
          {t('auditChecklist.checklist.addLine')}
        </Button>
      )}
      {items.length > 0 && (
        <Button
          size="xs"
          variant="default"
          component="a"
          leftSection={<IconDownload size={14} aria-hidden="true" />}
          {...download.link(checklistExportUrl(auditId, lang))}
        >
          {t('auditChecklist.checklist.export')}
        </Button>
      )}
      {answerable && items.length > 0 && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconUpload size={14} aria-hidden="true" />}
          onClick={() => setDialog({ kind: 'import' })}
        >
          {t('auditChecklist.checklist.import')}
        </Button>
      )}
    </Group>
  );

  return (
    <SectionCard
      id="audit-checklist"
      title={t('auditChecklist.checklist.title')}
      description={
        items.length > 0
          ? t('auditChecklist.checklist.progress', { answered, total: items.length })
          : undefined
      }
      actions={actions}
      flush={items.length > 0}
    >
      {download.status}
      {items.length === 0 ? (
        <EmptyBlock
          icon={<IconClipboardList size={24} aria-hidden="true" />}
          title={t('auditChecklist.checklist.emptyTitle')}
          description={t('auditChecklist.checklist.emptyDescription')}
        />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('auditChecklist.checklist.columns.no')}</Table.Th>
                <Table.Th>{t('auditChecklist.checklist.columns.question')}</Table.Th>
                <Table.Th w={220}>{t('auditChecklist.checklist.columns.evidence')}</Table.Th>
                <Table.Th w={170}>{t('auditChecklist.checklist.columns.result')}</Table.Th>
                <Table.Th w={60}>
                  <VisuallyHidden>{t('auditChecklist.checklist.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((line, index) => (
                <Table.Tr key={line.id}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text fz="xs" c="dimmed">
                        {reference(line)}
                      </Text>
                      <Text fz="sm">{line.prompt[lang]}</Text>
                      {line.notes && (
                        <Text fz="xs" c="dimmed">
                          {line.notes}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {line.references.length === 0 ? (
                      <Text fz="xs" c="dimmed">
                        {t('auditChecklist.checklist.noEvidence')}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {line.references.map((ref) => (
                          <Anchor
                            key={`${ref.type}-${ref.id}`}
                            component={Link}
                            to={evidenceHref(ref, line.refId)}
                            fz="xs"
                          >
                            {t(`auditChecklist.referenceTypes.${ref.type}`)}
                            {ref.label ? `：${ref.label}` : ''}
                          </Anchor>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={line.result ? RESULT_COLORS[line.result] : 'gray'}
                    >
                      {t(`auditChecklist.results.${line.result ?? 'none'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {(shapeable || answerable) && (
                      <ChecklistLineMenu
                        label={t('auditChecklist.checklist.actionsFor', { no: index + 1 })}
                        answerable={answerable}
                        shapeable={shapeable}
                        first={index === 0}
                        last={index === items.length - 1}
                        onRecord={() => setDialog({ kind: 'result', line })}
                        onReword={() => setDialog({ kind: 'line', line })}
                        onMove={(by) => move(index, by)}
                        onRemove={() =>
                          remove.mutate(line, {
                            onSuccess: () => toast.success(t('auditChecklist.checklist.removed')),
                            onError: (error) => toast.error(error.message),
                          })
                        }
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'result' && (
        <ChecklistResultModal
          auditId={auditId}
          line={dialog.line}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'line' && (
        <ChecklistLineModal auditId={auditId} line={dialog.line} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'import' && (
        <ChecklistImportModal auditId={auditId} onClose={() => setDialog(null)} />
      )}
    </SectionCard>
  );
}
