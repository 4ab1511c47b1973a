import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCommitteeMembers,
  useMeetings,
  type CommitteeMeeting,
  type CommitteeMember,
} from '../../../api/people';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { SectionCard } from '../../../components/SectionCard';
import { useFormat } from '../../../lib/format';
import { useSession } from '../../../session/useSession';
import { MeetingModal } from './MeetingModal';
import { MemberModal } from './MemberModal';

/** The ISMS committee: who sits on it and what its meetings decided (annex 4.1.2). */
export function CommitteePanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const manage = can('people:manage', 'all');
  const members = useCommitteeMembers();
  const [year, setYear] = useState<string | null>(null);
  const meetings = useMeetings(year ? Number(year) : null);
  const [member, setMember] = useState<CommitteeMember | 'new' | null>(null);
  const [meeting, setMeeting] = useState<CommitteeMeeting | 'new' | null>(null);
  const items = meetings.data?.pages.flatMap((p) => p.items) ?? [];
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));

  return (
    <Stack gap="lg">
      <SectionCard
        id="committee-members"
        title={t('people.committee.members')}
        actions={
          manage && (
            <Button
              size="xs"
              leftSection={<IconUserPlus size={14} aria-hidden="true" />}
              onClick={() => setMember('new')}
            >
              {t('people.committee.addMember')}
            </Button>
          )
        }
      >
        {members.isPending ? (
          <LoadingRows rows={2} />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : members.data.length === 0 ? (
          <EmptyBlock
            icon={<IconUsersGroup size={28} aria-hidden="true" />}
            title={t('people.committee.noMembers')}
          />
        ) : (
          <Table aria-label={t('people.committee.members')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.committee.columns.person')}</Table.Th>
                <Table.Th>{t('people.committee.columns.position')}</Table.Th>
                <Table.Th>{t('people.committee.columns.period')}</Table.Th>
                {manage && <Table.Th>{t('people.committee.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.user.name}</Table.Td>
                  <Table.Td>{t(`people.position.${m.position}`)}</Table.Td>
                  <Table.Td>
                    {format.date(m.joinedOn)} – {m.leftOn ? format.date(m.leftOn) : ''}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setMember(m)}
                        aria-label={t('people.committee.editMemberNamed', { name: m.user.name })}
                      >
                        {t('people.committee.editMember')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionCard>
      <SectionCard
        id="committee-meetings"
        title={t('people.committee.meetings')}
        actions={
          <Group gap="sm" align="flex-end">
            <Select
              aria-label={t('people.committee.year')}
              placeholder={t('people.committee.allYears')}
              data={years}
              value={year}
              onChange={setYear}
              clearable
              w={140}
              size="xs"
            />
            {manage && (
              <Button
                size="xs"
                leftSection={<IconCalendarPlus size={14} aria-hidden="true" />}
                onClick={() => setMeeting('new')}
              >
                {t('people.committee.addMeeting')}
              </Button>
            )}
          </Group>
        }
      >
        {meetings.isPending ? (
          <LoadingRows rows={2} />
        ) : meetings.isError ? (
          <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconCalendarPlus size={28} aria-hidden="true" />}
            title={t('people.committee.noMeetings')}
          />
        ) : (
          <Table aria-label={t('people.committee.meetings')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.committee.columns.code')}</Table.Th>
                <Table.Th>{t('people.committee.columns.title')}</Table.Th>
                <Table.Th>{t('people.committee.columns.heldOn')}</Table.Th>
                <Table.Th>{t('people.committee.columns.status')}</Table.Th>
                <Table.Th>{t('people.committee.columns.files')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.code}</Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" onClick={() => setMeeting(m)}>
                      {m.title}
                    </Button>
                  </Table.Td>
                  <Table.Td>{format.date(m.heldOn)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none" color={m.status === 'held' ? 'teal' : 'blue'}>
                      {t(`people.meetingStatus.${m.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.fileCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {meetings.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => void meetings.fetchNextPage()}
              loading={meetings.isFetchingNextPage}
            >
              {t('people.loadMore')}
            </Button>
          </Group>
        )}
        {!manage && items.length > 0 && (
          <Text fz="xs" c="dimmed">
            {t('people.committee.readHint')}
          </Text>
        )}
      </SectionCard>
      {member && (
        <MemberModal
          member={member === 'new' ? undefined : member}
          onClose={() => setMember(null)}
        />
      )}
      {meeting && (
        <MeetingModal
          meeting={meeting === 'new' ? undefined : meeting}
          editable={manage}
          onClose={() => setMeeting(null)}
        />
      )}
    </Stack>
  );
}
