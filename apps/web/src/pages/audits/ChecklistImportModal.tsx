import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/QueryStates';
import { useSignedInSession } from '../../session/useSession';
import {
  checklistKey,
  findingsKey,
  sendChecklistImport,
  type ChecklistImportReport,
} from './checklistApi';

/** The row problems the server reports (see the domain's checklist import). */
const IMPORT_CODES = [
  'audit_checklist_line_unknown',
  'audit_checklist_line_twice',
  'audit_checklist_result_unknown',
  'audit_finding_description_required',
  'audit_finding_unit_not_auditee',
  'audit_finding_progressed',
] as const;
type ImportCode = (typeof IMPORT_CODES)[number];

/**
 * Reads a filled checklist workbook back: first a check that reports every
 * wrong row (nothing is written), then the results are applied, all or nothing.
 */
export function ChecklistImportModal({
  auditId,
  onClose,
}: {
  auditId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { info } = useSignedInSession();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ChecklistImportReport | null>(null);
  const send = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) =>
      sendChecklistImport(auditId, file!, dryRun, info.csrfToken),
    onSuccess: async (answer) => {
      setReport(answer);
      if (answer.applied) {
        await client.invalidateQueries({ queryKey: checklistKey(auditId) });
        await client.invalidateQueries({ queryKey: findingsKey(auditId) });
      }
    },
  });
  const codeText = (code: string) =>
    (IMPORT_CODES as readonly string[]).includes(code)
      ? t(`auditChecklist.import.codes.${code as ImportCode}`)
      : code;
  const wrong = report?.rows.filter((r) => r.errors.length > 0) ?? [];

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('auditChecklist.import.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <FormError error={send.error} />
        <FileInput
          label={t('auditChecklist.import.file')}
          accept=".xlsx"
          value={file}
          onChange={(next) => {
            setFile(next);
            setReport(null);
            send.reset();
          }}
          clearable
        />
        {report && report.applied && (
          <Alert color="green" variant="light" role="status">
            {t('auditChecklist.import.applied', { count: report.changed })}
          </Alert>
        )}
        {report && !report.applied && report.errors === 0 && (
          <Alert color="blue" variant="light" role="status">
            {t('auditChecklist.import.ok', { count: report.changed })}
          </Alert>
        )}
        {wrong.length > 0 && (
          <>
            <Alert color="red" variant="light" role="alert">
              {t('auditChecklist.import.problems', { count: wrong.length })}
            </Alert>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auditChecklist.import.row')}</Table.Th>
                  <Table.Th>{t('auditChecklist.import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {wrong.map((row) => (
                  <Table.Tr key={row.row}>
                    <Table.Td>{row.row}</Table.Td>
                    <Table.Td>
                      {row.errors.map((e) => (
                        <Text key={`${e.field}-${e.code}`} fz="sm">
                          {codeText(e.code)}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!file}
            loading={send.isPending && send.variables?.dryRun}
            onClick={() => send.mutate({ dryRun: true })}
          >
            {t('auditChecklist.import.check')}
          </Button>
          <Button
            disabled={!file || !report || report.errors > 0 || report.applied}
            loading={send.isPending && !send.variables?.dryRun}
            onClick={() => send.mutate({ dryRun: false })}
          >
            {t('auditChecklist.import.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
