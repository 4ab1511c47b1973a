import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormActions } from '../../components/FormActions';
import { ProblemDetails } from '../../components/ProblemDetails';
import { SectionCard } from '../../components/SectionCard';
import { useRaiseFromIncident, type Incident } from './api-detail';

type Kind = 'nonconformity' | 'improvement';

/** Where what was raised lives in the improvement area. */
export const raisedHref = (kind: Kind, id: string) =>
  kind === 'nonconformity' ? `/corrective-actions/${id}` : `/improvement/${id}`;

function RaiseModal({
  incident,
  kind,
  onClose,
}: {
  incident: Incident;
  kind: Kind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const raise = useRaiseFromIncident();
  const [title, setTitle] = useState(`${incident.reference} ${incident.title}`);
  const [description, setDescription] = useState(incident.lessonsLearned || incident.description);
  const [severity, setSeverity] = useState<'major' | 'minor'>('minor');
  const label = t(`incidents.detail.raise.${kind}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    raise.mutate(
      {
        incident,
        body: {
          kind,
          title: title.trim(),
          description,
          ...(kind === 'nonconformity' ? { severity } : {}),
        },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={label} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('incidents.detail.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <Textarea
            label={t('incidents.detail.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          {kind === 'nonconformity' && (
            <Select
              label={t('incidents.detail.raise.severity')}
              data={[
                { value: 'major', label: t('incidents.detail.raise.major') },
                { value: 'minor', label: t('incidents.detail.raise.minor') },
              ]}
              value={severity}
              onChange={(v) => v && setSeverity(v as 'major' | 'minor')}
              allowDeselect={false}
            />
          )}
          <ProblemDetails error={raise.error} />
          <FormActions
            onCancel={onClose}
            submitLabel={label}
            loading={raise.isPending}
            disabled={!title.trim()}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * What the ISMS learned: the nonconformities and improvements raised from the
 * incident, and the record kept once it closed (4.3.3).
 */
export function LearningCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t } = useTranslation();
  const [raising, setRaising] = useState<Kind | null>(null);
  return (
    <SectionCard
      id="incident-learning"
      title={t('incidents.detail.raise.title')}
      actions={
        editable && (
          <Group gap="xs">
            {(['nonconformity', 'improvement'] as const).map((kind) => (
              <Button key={kind} size="xs" variant="default" onClick={() => setRaising(kind)}>
                {t(`incidents.detail.raise.${kind}`)}
              </Button>
            ))}
          </Group>
        )
      }
    >
      <Stack gap="xs">
        {incident.raised.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('incidents.detail.raise.none')}
          </Text>
        )}
        {incident.raised.map((r) => (
          <Group key={r.id} gap="xs">
            <Badge variant="light">{t(`incidents.detail.raise.kind.${r.kind}`)}</Badge>
            <Anchor component={Link} to={raisedHref(r.kind, r.id)} fz="sm">
              {r.reference} {r.title}
            </Anchor>
          </Group>
        ))}
        {incident.record ? (
          <Text fz="sm">
            {t('incidents.detail.record.kept')}{' '}
            <Anchor component={Link} to={`/records/${incident.record.id}`}>
              {incident.record.reference}
            </Anchor>
          </Text>
        ) : (
          incident.status === 'closed' && (
            <Text fz="sm" c="dimmed">
              {t('incidents.detail.record.none')}
            </Text>
          )
        )}
      </Stack>
      {raising && (
        <RaiseModal incident={incident} kind={raising} onClose={() => setRaising(null)} />
      )}
    </SectionCard>
  );
}
