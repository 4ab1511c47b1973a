import { Anchor, Badge, Button, Stack, Table } from '@mantine/core';
import { IconPlus, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useSession } from '../../session/useSession';
import { AuditConflicts } from './AuditConflicts';
import { AuditorFormModal } from './AuditorFormModal';
import { AuditsNav } from './AuditsNav';
import { useAuditors, type InternalAuditor } from './api';

/** The register of internal auditors, and the independence conflicts of open audits. */
export function AuditorsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('audits:manage');
  const auditors = useAuditors();
  const [editing, setEditing] = useState<InternalAuditor | 'new' | null>(null);
  const items = auditors.data ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('audits.auditors.title')}
        description={t('audits.auditors.description')}
        icon={<IconUserCheck size={32} aria-hidden="true" />}
        actions={
          manage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setEditing('new')}
            >
              {t('audits.auditors.newAuditor')}
            </Button>
          )
        }
      />
      <AuditsNav />
      <AuditConflicts />
      {auditors.isPending ? (
        <LoadingRows />
      ) : auditors.isError ? (
        <ErrorState error={auditors.error} onRetry={() => void auditors.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconUserCheck size={28} aria-hidden="true" />}
          title={t('audits.auditors.empty.title')}
          description={t('audits.auditors.empty.description')}
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('audits.auditors.register')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audits.auditors.user')}</Table.Th>
                <Table.Th>{t('audits.auditors.primaryUnit')}</Table.Th>
                <Table.Th>{t('audits.auditors.units')}</Table.Th>
                <Table.Th>{t('audits.auditors.qualifications')}</Table.Th>
                <Table.Th>{t('audits.auditors.evidence')}</Table.Th>
                <Table.Th>{t('audits.auditors.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {manage ? (
                      <Anchor component="button" type="button" onClick={() => setEditing(a)}>
                        {a.user.name}
                      </Anchor>
                    ) : (
                      a.user.name
                    )}
                  </Table.Td>
                  <Table.Td>{a.primaryUnit?.name ?? t('audits.auditors.noPrimaryUnit')}</Table.Td>
                  <Table.Td>{a.units.map((u) => u.name).join(', ')}</Table.Td>
                  <Table.Td>{a.qualifications}</Table.Td>
                  <Table.Td>
                    {t('audits.auditors.evidenceCount', { count: a.evidence.length })}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={a.active ? 'teal' : 'gray'}>
                      {a.active ? t('audits.auditors.active') : t('audits.auditors.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <AuditorFormModal
          auditor={editing === 'new' ? null : editing}
          registeredUserIds={items.map((a) => a.user.id)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
