import { ActionIcon, Button, Group, Select, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUserDirectory } from '../../api/identity';
import { CatalogSelect } from '../../components/catalogPicker/CatalogPicker';
import { useSession } from '../../session/useSession';

export interface Exclusion {
  id: string;
  reason: string;
  riskAcceptedBy: string | null;
  riskAcceptedOn: string;
}

/**
 * Annex controls left out of the scope, each with its reason and the person
 * who accepted the risk (the server refuses requirements 第4–第7).
 */
export function ScopeExclusions({
  exclusions,
  onChange,
  editable,
}: {
  exclusions: Exclusion[];
  onChange: (exclusions: Exclusion[]) => void;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const setExclusion = (index: number, patch: Partial<Exclusion>) =>
    onChange(exclusions.map((e, i) => (i === index ? { ...e, ...patch } : e)));

  return (
    <>
      <Text fz="sm" c="dimmed">
        {t('scope.exclusions.hint')}
      </Text>
      {exclusions.length > 0 && (
        <Table aria-label={t('scope.exclusions.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scope.exclusions.control')}</Table.Th>
              <Table.Th>{t('scope.exclusions.reason')}</Table.Th>
              <Table.Th>{t('scope.exclusions.acceptedBy')}</Table.Th>
              <Table.Th>{t('scope.exclusions.acceptedOn')}</Table.Th>
              {editable && <Table.Th aria-label={t('common.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exclusions.map((exclusion, index) => (
              <Table.Tr key={index}>
                <Table.Td w={280}>
                  <CatalogSelect
                    namespace="control"
                    aria-label={t('scope.exclusions.control')}
                    value={exclusion.id || null}
                    onChange={(id) => setExclusion(index, { id: id ?? '' })}
                    readOnly={!editable}
                  />
                </Table.Td>
                <Table.Td>
                  <Textarea
                    aria-label={t('scope.exclusions.reason')}
                    value={exclusion.reason}
                    onChange={(e) => setExclusion(index, { reason: e.currentTarget.value })}
                    readOnly={!editable}
                    autosize
                  />
                </Table.Td>
                <Table.Td w={200}>
                  <Select
                    aria-label={t('scope.exclusions.acceptedBy')}
                    data={(users.data ?? []).map((u) => ({
                      value: u.id,
                      label: u.displayName,
                    }))}
                    value={exclusion.riskAcceptedBy}
                    onChange={(value) => setExclusion(index, { riskAcceptedBy: value })}
                    readOnly={!editable}
                    searchable
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
                <Table.Td w={160}>
                  <TextInput
                    type="date"
                    aria-label={t('scope.exclusions.acceptedOn')}
                    value={exclusion.riskAcceptedOn}
                    onChange={(e) => setExclusion(index, { riskAcceptedOn: e.currentTarget.value })}
                    readOnly={!editable}
                  />
                </Table.Td>
                {editable && (
                  <Table.Td w={50}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('scope.exclusions.remove')}
                      onClick={() => onChange(exclusions.filter((_, i) => i !== index))}
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() =>
              onChange([
                ...exclusions,
                { id: '', reason: '', riskAcceptedBy: null, riskAcceptedOn: '' },
              ])
            }
          >
            {t('scope.exclusions.add')}
          </Button>
        </Group>
      )}
    </>
  );
}
