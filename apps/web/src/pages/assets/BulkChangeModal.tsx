import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBulkUpdateAssets, useClassifications } from '../../api/assets';
import { ProblemDetails } from '../../components/ProblemDetails';
import { problemFields } from '../../lib/problemFields';
import { useToast } from '../../components/Toasts';
import { partyOf, useOwnerOptions } from './ownerOptions';

/**
 * Sets the owner and/or the classification of the selected assets in one
 * all-or-nothing change. The user picks, then confirms with the count in
 * front of them; the result is a toast with the number changed.
 */
export function BulkChangeModal({
  ids,
  onClose,
  onDone,
}: {
  ids: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const toast = useToast();
  const owners = useOwnerOptions(true);
  const levels = useClassifications();
  const bulk = useBulkUpdateAssets();
  const [changeOwner, setChangeOwner] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  const [changeLevel, setChangeLevel] = useState(false);
  const [level, setLevel] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const ownerMissing = changeOwner && !owner;
  const ready = (changeOwner || changeLevel) && !ownerMissing;
  const problem = problemFields(
    bulk.error,
    {
      owner: t('assets.fields.owner'),
      classificationId: t('assets.fields.classification'),
      ids: t('assets.bulk.region'),
    },
    ['owner', 'owner.**', 'classificationId'],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    const party = partyOf(owner);
    bulk.mutate(
      {
        ids,
        ...(changeOwner && party ? { owner: party } : {}),
        ...(changeLevel ? { classificationId: level } : {}),
      },
      {
        onSuccess: (result) => {
          toast.success(t('assets.bulk.done', { count: result.updated }));
          onDone();
        },
        onError: () => setConfirming(false),
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('assets.bulk.title', { count: ids.length })} centered>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <ProblemDetails error={bulk.error} fields={problem} />
          <Checkbox
            label={t('assets.bulk.changeOwner')}
            checked={changeOwner}
            onChange={(e) => {
              setChangeOwner(e.currentTarget.checked);
              setConfirming(false);
            }}
          />
          {changeOwner && (
            <Select
              label={t('assets.fields.owner')}
              data={owners}
              value={owner}
              error={problem.error('owner')}
              onChange={(v) => {
                setOwner(v);
                setConfirming(false);
              }}
              searchable
              required
              comboboxProps={{ withinPortal: true, hideDetached: false }}
            />
          )}
          <Checkbox
            label={t('assets.bulk.changeClassification')}
            checked={changeLevel}
            onChange={(e) => {
              setChangeLevel(e.currentTarget.checked);
              setConfirming(false);
            }}
          />
          {changeLevel && (
            <Select
              label={t('assets.fields.classification')}
              placeholder={t('assets.bulk.noClassification')}
              data={(levels.data ?? [])
                .filter((l) => l.active)
                .map((l) => ({ value: l.id, label: l.name[lang] }))}
              value={level}
              error={problem.error('classificationId')}
              onChange={(v) => {
                setLevel(v);
                setConfirming(false);
              }}
              clearable
              comboboxProps={{ withinPortal: true, hideDetached: false }}
            />
          )}
          {confirming && (
            <Alert
              color="orange"
              role="alert"
              icon={<IconAlertTriangle size={18} aria-hidden="true" />}
              title={t('assets.bulk.confirmTitle')}
            >
              {t('assets.bulk.confirmBody', { count: ids.length })}
            </Alert>
          )}
          {!ready && (
            <Text fz="xs" c="dimmed">
              {t('assets.bulk.hint')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              disabled={!ready}
              loading={bulk.isPending}
              color={confirming ? 'orange' : undefined}
            >
              {confirming
                ? t('assets.bulk.confirm', { count: ids.length })
                : t('assets.bulk.review')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
