import { Badge, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import { useUpdateIncident, type Incident } from './api-detail';
import type { IncidentUpdate } from '@mamoru/contracts';

/** `<input type="datetime-local">` value of an instant, in local time. */
export function toLocalInput(value: string | null | undefined) {
  if (!value) return '';
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant of a `datetime-local` value (local time), or undefined when empty. */
export function fromLocalInput(value: string) {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Number input text → integer or null (empty). */
export function intOrNull(value: string | number) {
  if (value === '' || value === null) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

const PRIORITY_COLORS = ['', 'red', 'orange', 'yellow', 'gray'];

/** Priority 1 (highest) … 4, as a badge. */
export function PriorityBadge({ priority }: { priority: number | null }) {
  const { t } = useTranslation();
  if (priority == null) return null;
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? 'gray'} variant="light">
      {t('incidents.detail.priority', { priority })}
    </Badge>
  );
}

/** The stale notice when someone saved the incident first (412), or the problem. */
export function IncidentSaveProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <SaveProblem
      error={error}
      staleTitle={t('incidents.detail.stale.title')}
      staleBody={t('incidents.detail.stale.body')}
    />
  );
}

/**
 * A modal editing some fields of the incident, saved with If-Match on the
 * version read; a 412 leaves the form as typed and says why.
 */
export function IncidentEditModal({
  incident,
  title,
  opened,
  onClose,
  body,
  children,
}: {
  incident: Incident;
  title: string;
  opened: boolean;
  onClose: () => void;
  body: () => IncidentUpdate;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const save = useUpdateIncident();
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ incident, body: body() }, { onSuccess: close });
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          {children}
          <IncidentSaveProblem error={save.error} />
          <FormActions
            onCancel={close}
            submitLabel={t('incidents.detail.save')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
