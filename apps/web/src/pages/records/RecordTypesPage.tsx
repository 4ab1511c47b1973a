import { ActionIcon, Anchor, Badge, Button, Group, Stack, Table } from '@mantine/core';
import { IconArrowLeft, IconCategory, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/useSession';
import { useRecordTypes, type RecordType } from './api';
import { RecordTypeModal } from './RecordTypeModal';

/**
 * Record types: retention, storage, protection and disposal of each kind of
 * record, and the fields of its entries; writers create, edit and retire them.
 */
export function RecordTypesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const { can } = useSession();
  const types = useRecordTypes();
  const writer = can('isms:write', 'all');
  // null: creating a type; a type: editing it; undefined: no form open.
  const [editing, setEditing] = useState<RecordType | null | undefined>(undefined);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/records" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden="true" />
          {t('records.typesPage.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('records.types')}
        description={t('records.typesPage.description')}
        icon={<IconCategory size={32} aria-hidden="true" />}
        actions={
          writer && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setEditing(null)}
            >
              {t('records.typeForm.title')}
            </Button>
          )
        }
      />
      {types.isPending ? (
        <LoadingRows />
      ) : types.isError ? (
        <ErrorState error={types.error} onRetry={() => void types.refetch()} />
      ) : types.data.length === 0 ? (
        <EmptyBlock
          icon={<IconCategory size={28} aria-hidden="true" />}
          title={t('records.typesPage.empty')}
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('records.types')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('records.typeForm.code')}</Table.Th>
                <Table.Th>{t('records.columns.type')}</Table.Th>
                <Table.Th>{t('records.typesPage.retention')}</Table.Th>
                <Table.Th>{t('records.typeForm.storageLocation')}</Table.Th>
                <Table.Th>{t('records.typeForm.classification')}</Table.Th>
                <Table.Th>{t('records.typeForm.disposalMethod')}</Table.Th>
                <Table.Th>{t('records.typesPage.fields')}</Table.Th>
                <Table.Th>{t('records.typesPage.status')}</Table.Th>
                {writer && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.data.map((ty) => (
                <Table.Tr key={ty.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{ty.code}</Table.Td>
                  <Table.Td>{ty.name[lang]}</Table.Td>
                  <Table.Td>
                    {t('records.typesPage.retentionValue', {
                      count: ty.retention.value,
                      unit: t(`records.typeForm.${ty.retention.unit}`),
                    })}
                  </Table.Td>
                  <Table.Td>{ty.storageLocation}</Table.Td>
                  <Table.Td>{ty.classification?.name[lang] ?? '—'}</Table.Td>
                  <Table.Td>{ty.disposalMethod}</Table.Td>
                  <Table.Td>
                    {ty.fields.length === 0
                      ? t('records.typesPage.freeForm')
                      : ty.fields.map((f) => f.label[lang]).join(', ')}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={ty.active ? 'teal' : 'gray'}>
                      {t(ty.active ? 'records.typesPage.active' : 'records.typesPage.retired')}
                    </Badge>
                  </Table.Td>
                  {writer && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('records.typesPage.edit', { name: ty.name[lang] })}
                        onClick={() => setEditing(ty)}
                      >
                        <IconPencil size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing !== undefined && (
        <RecordTypeModal
          key={editing?.id ?? 'new'}
          type={editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Stack>
  );
}
