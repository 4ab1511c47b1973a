import { Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { IconBookmark, IconChevronDown, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  useCreateView,
  useDeleteView,
  useSavedViews,
  useUpdateView,
  type SavedView,
  type SavedViewDefinition,
} from '../../api/views';
import { ProblemDetails } from '../../components/ProblemDetails';
import { problemFields } from '../../lib/problemFields';
import { useToast } from '../../components/Toasts';
import { sameDefinition } from './registerState';

function SaveViewModal({
  definition,
  onClose,
  onSaved,
}: {
  definition: SavedViewDefinition;
  onClose: () => void;
  onSaved: (view: SavedView) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const create = useCreateView('assets');
  // Only the name has an input; what the view keeps is named, never a raw path.
  const problem = problemFields(
    create.error,
    {
      name: t('assets.views.name'),
      definition: t('assets.views.definition'),
      'definition.filters': t('assets.views.filters'),
      'definition.sort': t('assets.views.sort'),
      'definition.direction': t('assets.views.sort'),
      'definition.columns': t('assets.columns.choose'),
    },
    ['name'],
  );
  const nameError = problem.error('name');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), definition }, { onSuccess: onSaved });
  }

  return (
    <Modal opened onClose={onClose} title={t('assets.views.saveTitle')} centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {create.error && (!nameError || problem.unplaced.length > 0) && (
            <ProblemDetails error={create.error} fields={problem} />
          )}
          <TextInput
            label={t('assets.views.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={nameError}
            required
            data-autofocus
            maxLength={100}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The user's saved views of the register (kept on the server, so they follow
 * the user to any browser): apply one, save the current filters, sort and
 * columns as a new one, or overwrite or delete the applied one.
 */
export function SavedViewsMenu({
  current,
  definition,
  onApply,
}: {
  current: SavedView | null;
  definition: SavedViewDefinition;
  onApply: (view: SavedView | null) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const views = useSavedViews('assets');
  const update = useUpdateView('assets');
  const remove = useDeleteView('assets');
  const [saving, setSaving] = useState(false);
  const changed = current ? !sameDefinition(current.definition, definition) : false;
  const failed = (error: unknown) =>
    toast.error(
      isApiError(error) && error.status === 412 ? t('assets.views.stale') : t('common.failed'),
      isApiError(error) ? error.title : undefined,
    );

  return (
    <Group gap={4}>
      <Menu position="bottom-end" withinPortal hideDetached={false}>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={16} aria-hidden="true" />}
            rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          >
            {current
              ? t('assets.views.current', { name: current.name }) +
                (changed ? ` ${t('assets.views.modified')}` : '')
              : t('assets.views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('assets.views.mine')}</Menu.Label>
          {(views.data ?? []).length === 0 && (
            <Menu.Item disabled>{t('assets.views.none')}</Menu.Item>
          )}
          {(views.data ?? []).map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => onApply(view)}
              fw={view.id === current?.id ? 700 : undefined}
            >
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => onApply(null)}>{t('assets.views.standard')}</Menu.Item>
          <Menu.Item
            leftSection={<IconDeviceFloppy size={14} aria-hidden="true" />}
            onClick={() => setSaving(true)}
          >
            {t('assets.views.saveAs')}
          </Menu.Item>
          {current && (
            <Menu.Item
              leftSection={<IconDeviceFloppy size={14} aria-hidden="true" />}
              disabled={!changed}
              onClick={() =>
                update.mutate(
                  { view: current, body: { definition } },
                  {
                    onSuccess: (view) => {
                      onApply(view);
                      toast.success(t('assets.views.updated', { name: view.name }));
                    },
                    onError: failed,
                  },
                )
              }
            >
              {t('assets.views.update', { name: current.name })}
            </Menu.Item>
          )}
          {current && (
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} aria-hidden="true" />}
              onClick={() =>
                remove.mutate(current, {
                  onSuccess: () => {
                    onApply(null);
                    toast.success(t('assets.views.deleted', { name: current.name }));
                  },
                  onError: failed,
                })
              }
            >
              {t('assets.views.delete', { name: current.name })}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {saving && (
        <SaveViewModal
          definition={definition}
          onClose={() => setSaving(false)}
          onSaved={(view) => {
            setSaving(false);
            onApply(view);
            toast.success(t('assets.views.saved', { name: view.name }));
          }}
        />
      )}
    </Group>
  );
}
