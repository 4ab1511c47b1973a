import {
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { INCIDENT_TYPES } from '@mamoru/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentsT } from './useIncidentsT';
import { Link } from 'react-router';
import { useUploadOwnerFile } from '../../api/ownerFiles';
import { useLocations } from '../../api/scope';
import { FormError } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useSignedInSession } from '../../session/useSession';
import { AssetPicker } from './AssetPicker';
import { UnitSelect } from './UnitSelect';
import { useReportIncident, type Incident, type IncidentType } from './api';

/** `<input type="datetime-local">` value to an ISO instant (local time), or null. */
function isoOf(local: string) {
  return local ? new Date(local).toISOString() : null;
}

/** After the report: files go to the new incident, then the user can open it. */
function Reported({
  incident,
  files,
  onClose,
}: {
  incident: Incident;
  files: File[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { info } = useSignedInSession();
  const upload = useUploadOwnerFile('incident', incident.id, info.csrfToken);
  const [state, setState] = useState<'sending' | 'done' | 'failed'>(
    files.length > 0 ? 'sending' : 'done',
  );
  const started = useRef(false);
  const { mutateAsync } = upload;
  useEffect(() => {
    if (started.current || files.length === 0) return;
    started.current = true;
    // One after another, so the evidence store hashes and stores each in turn.
    void files
      .reduce<Promise<unknown>>(
        (chain, file) => chain.then(() => mutateAsync(file)),
        Promise.resolve(),
      )
      .then(
        () => setState('done'),
        () => setState('failed'),
      );
  }, [files, mutateAsync]);
  return (
    <Stack gap="md">
      <Text role="status">{t('incidents.report.sent', { reference: incident.reference })}</Text>
      {state === 'sending' && <Text c="dimmed">{t('incidents.report.uploading')}</Text>}
      {state === 'failed' && (
        <Text c="red" role="alert">
          {t('incidents.report.uploadFailed')}
        </Text>
      )}
      <Group justify="flex-end">
        <Anchor component={Link} to={`/incidents/${incident.id}`} onClick={onClose}>
          {t('incidents.report.open', { reference: incident.reference })}
        </Anchor>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}

/** Locations of the scope, asked for only when shown (to readers of the scope). */
function LocationSelect(props: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const locations = useLocations();
  return (
    <Select
      clearable
      searchable
      {...props}
      data={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
    />
  );
}

/** The report form: anyone says what happened, when and where; the team triages it. */
export function ReportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const tt = useIncidentsT();
  const { can } = useSignedInSession();
  const toast = useToast();
  const narrow = useMediaQuery('(max-width: 48em)');
  const readsScope = can('isms:read');
  const report = useReportIncident();
  const [type, setType] = useState<IncidentType>('incident');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [locationId, setLocationId] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [assetIds, setAssetIds] = useState<string[]>([]);
  const [personalData, setPersonalData] = useState(false);
  const [confidential, setConfidential] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [touched, setTouched] = useState(false);
  const k = useIncidentsT('incidents.report');
  const problem = problemFields(
    report.error,
    {
      type: k('type'),
      title: k('titleField'),
      description: k('description'),
      occurredAt: k('occurredAt'),
      unitId: k('unit'),
      locationId: k('location'),
      place: k('place'),
    },
    ['type', 'title', 'description', 'occurredAt', 'place'],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim()) return;
    report.mutate(
      {
        type,
        title,
        description,
        occurredAt: isoOf(occurredAt),
        unitId,
        locationId,
        place,
        assetIds,
        personalData,
        confidential,
      },
      {
        onSuccess: ({ incident }) =>
          toast.success(t('incidents.report.sent', { reference: incident.reference })),
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={k('title')}
      size="lg"
      fullScreen={narrow ?? false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {report.isSuccess ? (
        <Reported incident={report.data.incident} files={files} onClose={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text fz="sm" c="dimmed">
              {k('intro')}
            </Text>
            <FormError error={report.error} extra={problem.unplaced.map(unplacedText)} />
            <Select
              label={k('type')}
              value={type}
              onChange={(v) => v && setType(v as IncidentType)}
              allowDeselect={false}
              data={INCIDENT_TYPES.map((value) => ({
                value,
                label: tt(`common.types.${value}`),
              }))}
              description={tt(`common.typeHints.${type}`)}
              error={problem.error('type')}
            />
            <TextInput
              label={k('titleField')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={200}
              error={
                (touched && !title.trim() ? k('required') : undefined) ?? problem.error('title')
              }
            />
            <Textarea
              label={k('description')}
              description={k('descriptionHint')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              autosize
              minRows={3}
              error={problem.error('description')}
            />
            <TextInput
              type="datetime-local"
              label={k('occurredAt')}
              description={k('occurredAtHint')}
              value={occurredAt}
              onChange={(e) => setOccurredAt(e.currentTarget.value)}
              error={problem.error('occurredAt')}
            />
            {readsScope && (
              <Group grow align="flex-start" wrap="wrap">
                <UnitSelect label={k('unit')} value={unitId} onChange={setUnitId} activeOnly />
                <LocationSelect label={k('location')} value={locationId} onChange={setLocationId} />
              </Group>
            )}
            <TextInput
              label={k('place')}
              description={k('placeHint')}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              maxLength={500}
              error={problem.error('place')}
            />
            {readsScope && (
              <AssetPicker
                label={k('assets')}
                description={k('assetsHint')}
                value={assetIds}
                onChange={setAssetIds}
              />
            )}
            <Checkbox
              label={k('personalData')}
              description={k('personalDataHint')}
              checked={personalData}
              onChange={(e) => setPersonalData(e.currentTarget.checked)}
            />
            <Checkbox
              label={k('confidential')}
              description={k('confidentialHint')}
              checked={confidential}
              onChange={(e) => setConfidential(e.currentTarget.checked)}
            />
            <FileInput
              label={k('attachments')}
              description={k('attachmentsHint')}
              multiple
              clearable
              value={files}
              onChange={setFiles}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={report.isPending}>
                {k('send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
