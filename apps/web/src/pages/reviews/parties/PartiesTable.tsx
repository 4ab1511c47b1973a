import { ActionIcon, Badge, Table, Text } from '@mantine/core';
import { IconPencil, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/QueryStates';
import type { InterestedParty } from './api';

/** The parties with what they expect and how much feedback they gave. */
export function PartiesTable({
  parties,
  onEdit,
}: {
  parties: InterestedParty[];
  /** Given to managers only. */
  onEdit?: (party: InterestedParty) => void;
}) {
  const { t } = useTranslation();
  if (parties.length === 0) {
    return (
      <EmptyBlock
        icon={<IconUsersGroup size={28} aria-hidden="true" />}
        title={t('reviewsParties.parties.empty')}
        description={t('reviewsParties.parties.emptyHint')}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={t('reviewsParties.parties.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reviewsParties.party.name')}</Table.Th>
            <Table.Th>{t('reviewsParties.party.kind')}</Table.Th>
            <Table.Th>{t('reviewsParties.party.expectations')}</Table.Th>
            <Table.Th>{t('reviewsParties.parties.feedback')}</Table.Th>
            <Table.Th>{t('reviewsParties.parties.lastFeedback')}</Table.Th>
            <Table.Th>{t('reviewsParties.parties.state')}</Table.Th>
            {onEdit && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parties.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {p.name}
                </Text>
                {p.contact && (
                  <Text size="xs" c="dimmed">
                    {p.contact}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t(`reviewsParties.kinds.${p.kind}`)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {p.expectations}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('reviewsParties.parties.feedbackCount', { count: p.feedbackCount })}
                {p.openFeedbackCount > 0 && (
                  <Badge ml="xs" variant="light" color="orange">
                    {t('reviewsParties.parties.openCount', { count: p.openFeedbackCount })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.lastFeedbackOn ?? '—'}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={p.active ? 'teal' : 'gray'}>
                  {t(p.active ? 'reviewsParties.parties.active' : 'reviewsParties.parties.retired')}
                </Badge>
              </Table.Td>
              {onEdit && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('reviewsParties.parties.edit', { name: p.name })}
                    onClick={() => onEdit(p)}
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
  );
}
