import {
  Alert,
  Button,
  Group,
  Popover,
  Select,
  Stack,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  assetsKey,
  useClassifications,
  useSaveAsset,
  type AssetListItem,
  type AssetUpdate,
} from '../../api/assets';
import { isApiError } from '../../api/client';
import { ProblemDetails } from '../../components/ProblemDetails';
import { problemFields } from '../../lib/problemFields';
import { partyOf, partyValue, useOwnerOptions } from './ownerOptions';

export type InlineField = 'owner' | 'classification' | 'status' | 'nextReviewDate';

/** The field of the asset's update (problem+json `errors[].field`) each inline field sends. */
const PATHS: Record<InlineField, string> = {
  owner: 'owner',
  classification: 'classificationId',
  status: 'status',
  nextReviewDate: 'nextReviewDate',
};

function valueOf(asset: AssetListItem, field: InlineField): string | null {
  switch (field) {
    case 'owner':
      return partyValue(asset.owner);
    case 'classification':
      return asset.classification?.id ?? null;
    case 'status':
      return asset.status;
    case 'nextReviewDate':
      return asset.nextReviewDate ?? '';
  }
}

function bodyOf(field: InlineField, value: string | null): AssetUpdate | null {
  switch (field) {
    case 'owner': {
      const owner = partyOf(value);
      return owner ? { owner } : null;
    }
    case 'classification':
      return { classificationId: value };
    case 'status':
      return value === 'in_use' || value === 'retired' ? { status: value } : null;
    case 'nextReviewDate':
      return { nextReviewDate: value ? value : null };
  }
}

/** The input of one field, as compact as a table cell allows. */
function Editor({
  asset,
  field,
  value,
  onChange,
  label,
  error,
}: {
  asset: AssetListItem;
  field: InlineField;
  value: string | null;
  onChange: (value: string | null) => void;
  label: string;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const owners = useOwnerOptions(true, asset.owner);
  const levels = useClassifications();
  // Inside the popover: a portal would count as a click outside and close it.
  const select = {
    comboboxProps: { withinPortal: false, hideDetached: false },
    label,
    error,
    autoFocus: true,
  } as const;
  if (field === 'nextReviewDate') {
    return (
      <TextInput
        type="date"
        label={label}
        error={error}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value)}
        data-autofocus
      />
    );
  }
  if (field === 'status') {
    return (
      <Select
        {...select}
        data={(['in_use', 'retired'] as const).map((s) => ({
          value: s,
          label: t(`assets.statuses.${s}`),
        }))}
        value={value}
        onChange={onChange}
        allowDeselect={false}
      />
    );
  }
  if (field === 'owner') {
    return (
      <Select
        {...select}
        data={owners}
        value={value}
        onChange={onChange}
        searchable
        allowDeselect={false}
      />
    );
  }
  return (
    <Select
      {...select}
      data={(levels.data ?? [])
        .filter((l) => l.active || l.id === value)
        .map((l) => ({ value: l.id, label: l.name[lang] }))}
      value={value}
      onChange={onChange}
      clearable
    />
  );
}

/**
 * One common field of the register, changed in place. The edit carries the
 * version the register read (If-Match); when someone else changed the asset
 * meanwhile, the server refuses (412) and the user's value stays in the input
 * until they reload the register and save it again.
 */
export function InlineEdit({
  asset,
  field,
  children,
}: {
  asset: AssetListItem;
  field: InlineField;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const save = useSaveAsset();
  const stale = isApiError(save.error) && save.error.status === 412;
  const label = t(`assets.fields.${field}`);
  const path = PATHS[field];
  // The owner's id or kind also shows at the owner's input; a refusal naming
  // another field (a retired asset's review date) is listed with its label.
  const problem = problemFields(
    save.error,
    Object.fromEntries(
      (Object.keys(PATHS) as InlineField[]).map((f) => [PATHS[f], t(`assets.fields.${f}`)]),
    ),
    [path, `${path}.**`],
  );

  const open = () => {
    save.reset();
    setDraft(valueOf(asset, field));
    setOpened(true);
  };
  const close = () => setOpened(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    const body = bodyOf(field, draft);
    if (!body) return;
    save.mutate({ id: asset.id, version: asset.version, body }, { onSuccess: close });
  }

  function reload() {
    save.reset();
    void client.invalidateQueries({ queryKey: assetsKey });
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      trapFocus
      withinPortal
      position="bottom-start"
      shadow="md"
      width={300}
      // A cell scrolled out of the table's scroll box keeps its editor open.
      hideDetached={false}
    >
      <Popover.Target>
        <UnstyledButton
          onClick={open}
          fz="sm"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}
        >
          {/* The name says what the button does and keeps the visible value in it (WCAG 2.5.3). */}
          <VisuallyHidden>
            {t('assets.inline.change', { field: label, code: asset.code })}:{' '}
          </VisuallyHidden>
          <span>{children}</span>
          <IconPencil size={12} aria-hidden="true" color="var(--mantine-color-gray-6)" />
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs">
            {stale ? (
              <Alert
                color="orange"
                role="alert"
                p="xs"
                icon={<IconAlertTriangle size={16} aria-hidden="true" />}
                title={t('assets.inline.staleTitle')}
              >
                {t('assets.inline.staleBody')}
              </Alert>
            ) : (
              save.error && <ProblemDetails error={save.error} fields={problem} />
            )}
            <Editor
              asset={asset}
              field={field}
              value={draft}
              onChange={setDraft}
              label={label}
              error={problem.error(path)}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={close}>
                {t('common.cancel')}
              </Button>
              {stale ? (
                <Button size="xs" variant="light" onClick={reload}>
                  {t('assets.inline.reload')}
                </Button>
              ) : (
                <Button size="xs" type="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
