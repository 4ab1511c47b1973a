import { Button, Group, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsmsRoles, type CompetenceRequirement, type JobDefinition } from '../../../api/people';
import { useDeleteRequirement, useRequirements } from '../../../api/people-competence';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorState, LoadingRows } from '../../../components/QueryStates';
import { SectionCard } from '../../../components/SectionCard';
import { useBilingual } from '../shared';
import { RequirementModal, type RequirementTarget } from './RequirementModal';

const parse = (value: string | null): RequirementTarget | null => {
  const [kind, id] = (value ?? '').split(':');
  return (kind === 'role' || kind === 'job') && id ? { kind, id } : null;
};

/** The competence one role or job requires: skills, qualifications and courses, with renewal. */
export function RequirementsCard({ manage, jobs }: { manage: boolean; jobs: JobDefinition[] }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const roles = useIsmsRoles('true');
  const [value, setValue] = useState<string | null>(null);
  const target = parse(value);
  const requirements = useRequirements(
    target ? (target.kind === 'role' ? { roleId: target.id } : { jobId: target.id }) : {},
  );
  const remove = useDeleteRequirement();
  const [editing, setEditing] = useState<CompetenceRequirement | 'new' | null>(null);
  const [removing, setRemoving] = useState<CompetenceRequirement | null>(null);
  const data = [
    {
      group: t('people.requirements.roles'),
      items: (roles.data ?? []).map((r) => ({
        value: `role:${r.id}`,
        label: text(r.name, r.nameEn),
      })),
    },
    {
      group: t('people.requirements.jobs'),
      items: jobs
        .filter((j) => j.active)
        .map((j) => ({ value: `job:${j.id}`, label: text(j.name, j.nameEn) })),
    },
  ];
  const shown = (requirements.data ?? []).filter((r) =>
    target ? (target.kind === 'role' ? r.role?.id : r.job?.id) === target.id : true,
  );

  return (
    <SectionCard
      id="competence-requirements"
      title={t('people.requirements.title')}
      description={t('people.requirements.hint')}
      actions={
        manage &&
        target && (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setEditing('new')}
          >
            {t('people.requirements.add')}
          </Button>
        )
      }
    >
      <Select
        label={t('people.requirements.target')}
        placeholder={t('people.requirements.allTargets')}
        searchable
        clearable
        data={data}
        value={value}
        onChange={setValue}
        maw={420}
      />
      {requirements.isPending ? (
        <LoadingRows rows={2} />
      ) : requirements.isError ? (
        <ErrorState error={requirements.error} onRetry={() => void requirements.refetch()} />
      ) : shown.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('people.requirements.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('people.requirements.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.requirements.columns.for')}</Table.Th>
                <Table.Th>{t('people.requirements.columns.kind')}</Table.Th>
                <Table.Th>{t('people.requirements.columns.name')}</Table.Th>
                <Table.Th>{t('people.requirements.columns.renewal')}</Table.Th>
                {manage && <Table.Th>{t('people.requirements.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.role?.name ?? r.job?.name ?? '—'}</Table.Td>
                  <Table.Td>{t(`people.competenceKind.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    {text(r.name, r.nameEn)}
                    {r.course && (
                      <Text fz="xs" c="dimmed">
                        {r.course.code} {r.course.title}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.renewalMonths
                      ? t('people.requirements.everyMonths', { count: r.renewalMonths })
                      : t('people.requirements.noRenewal')}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEditing(r)}
                          aria-label={t('people.requirements.editNamed', { name: r.name })}
                        >
                          {t('people.requirements.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving(r)}
                          aria-label={t('people.requirements.removeNamed', { name: r.name })}
                        >
                          {t('people.requirements.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <RequirementModal
          requirement={editing === 'new' ? undefined : editing}
          target={target}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('people.requirements.removeTitle')}
        message={t('people.requirements.removeBody', { name: removing?.name ?? '' })}
        confirmLabel={t('people.requirements.remove')}
        danger
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (removing) remove.mutate(removing, { onSuccess: () => setRemoving(null) });
        }}
        pending={remove.isPending}
        error={remove.error?.message ?? null}
      />
    </SectionCard>
  );
}
