import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { locationKindSchema } from '@mamoru/contracts';
import { useCreateLocation, useCreateOrgUnit } from '../../api/scope';
import { ProblemDetails } from '../../components/ProblemDetails';
import { problemFields } from '../../lib/problemFields';

/**
 * Adds an organization unit or a location from the scope page, where the
 * need shows up; the new one is put in the scope at once (it can be removed).
 */
export function NewStructureModal({
  kind,
  onClose,
  onCreated,
}: {
  kind: 'unit' | 'location';
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const unit = useCreateOrgUnit();
  const location = useCreateLocation();
  const create = kind === 'unit' ? unit : location;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [locationKind, setLocationKind] = useState<string>('site');
  const problem = problemFields(create.error, {
    code: t('scope.structure.code'),
    name: t('scope.structure.name'),
    kind: t('scope.structure.kind'),
  });
  const fieldError = problem.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    // A modal renders in a portal, but React still bubbles its submit to any form around it.
    event.stopPropagation();
    const done = { onSuccess: (row: { id: string }) => onCreated(row.id) };
    if (kind === 'unit') unit.mutate({ code: code.trim(), name: name.trim() }, done);
    else location.mutate({ code: code.trim(), name: name.trim(), kind: locationKind }, done);
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(kind === 'unit' ? 'scope.structure.newUnit' : 'scope.structure.newLocation')}
      centered
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <ProblemDetails error={create.error} fields={problem} />
          <TextInput
            label={t('scope.structure.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldError('code')}
            required
            maxLength={64}
            data-autofocus
          />
          <TextInput
            label={t('scope.structure.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
            required
            maxLength={200}
          />
          {kind === 'location' && (
            <Select
              label={t('scope.structure.kind')}
              data={locationKindSchema.options.map((value) => ({
                value,
                label: t(`scope.structure.kinds.${value}`),
              }))}
              value={locationKind}
              onChange={(v) => v && setLocationKind(v)}
              allowDeselect={false}
              error={fieldError('kind')}
              comboboxProps={{ withinPortal: true, hideDetached: false }}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('scope.structure.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
