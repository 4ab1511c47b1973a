import { Anchor, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePeopleSettings, useSavePeopleSettings, type PeopleSettings } from '../../api/people';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { SaveProblem } from '../../components/SaveProblem';
import { SectionCard } from '../../components/SectionCard';
import { problemFields } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import { useDocumentList } from '../documents/api';

/** The disciplinary process document (annex 6.3.5) and how early expiring competences warn. */
export function SettingsPanel() {
  const settings = usePeopleSettings();
  if (settings.isPending) return <LoadingRows rows={2} />;
  if (settings.isError)
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  // Keyed by version: after a save the form starts again from what the server holds.
  return <SettingsForm key={settings.data.version} settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: PeopleSettings }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('people:manage', 'all');
  const save = useSavePeopleSettings();
  const documents = useDocumentList({});
  const [documentId, setDocumentId] = useState<string | null>(
    settings.disciplinaryDocument?.id ?? null,
  );
  const [days, setDays] = useState<number | string>(settings.expiryWarningDays);
  const labels = {
    disciplinaryDocumentId: t('people.settings.document'),
    expiryWarningDays: t('people.settings.warningDays'),
  };
  const problem = problemFields(save.error, labels);
  const valid = typeof days === 'number' && days >= 1 && days <= 365;
  const docs = (documents.data?.pages.flatMap((p) => p.items) ?? []).map((d) => ({
    value: d.id,
    label: `${d.code} ${d.title}`,
  }));
  const current = settings.disciplinaryDocument;
  if (current && !docs.some((d) => d.value === current.id))
    docs.push({ value: current.id, label: `${current.code} ${current.title}` });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    save.mutate({
      settings,
      body: { disciplinaryDocumentId: documentId, expiryWarningDays: days },
    });
  };

  return (
    <SectionCard id="people-settings" title={t('people.settings.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={560}>
          <SaveProblem
            error={save.error}
            staleTitle={t('people.stale.title')}
            staleBody={t('people.stale.body')}
            fields={problem}
          />
          <Select
            label={labels.disciplinaryDocumentId}
            description={t('people.settings.documentHint')}
            searchable
            clearable
            data={docs}
            value={documentId}
            onChange={setDocumentId}
            disabled={!manage}
            error={problem.error('disciplinaryDocumentId')}
          />
          {current && (
            <Text fz="sm">
              <Anchor component={Link} to={`/documents/${current.id}`}>
                {t('people.settings.openDocument', { code: current.code })}
              </Anchor>
            </Text>
          )}
          <NumberInput
            label={labels.expiryWarningDays}
            description={t('people.settings.warningDaysHint')}
            min={1}
            max={365}
            value={days}
            onChange={setDays}
            disabled={!manage}
            error={
              (!valid ? t('people.settings.range') : undefined) ??
              problem.error('expiryWarningDays')
            }
          />
          {manage && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!valid}>
                {t('people.form.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}
