import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconSend, IconTarget } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { assetCategorySchema } from '@mamoru/contracts';
import { useOrgUnits } from '../../api/assets';
import { isApiError } from '../../api/client';
import {
  useLocations,
  useSaveScope,
  useScope,
  useSubmitScope,
  type ScopeContent,
  type ScopeVersion,
} from '../../api/scope';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { ProblemDetails } from '../../components/ProblemDetails';
import { useFormat } from '../../lib/format';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import { NewStructureModal } from './NewStructureModal';
import { ScopeExclusions, type Exclusion } from './ScopeExclusions';
import { ScopeInterfaces } from './ScopeInterfaces';

const statusColor: Record<ScopeVersion['status'], string> = {
  draft: 'gray',
  pending: 'yellow',
  approved: 'teal',
  superseded: 'dark',
};

type FormContent = Omit<ScopeContent, 'exclusions'> & { exclusions: Exclusion[] };

function contentOf(version: ScopeVersion | null): FormContent {
  return {
    businessActivities: version?.businessActivities ?? '',
    orgUnitIds: version?.orgUnitIds ?? [],
    organizationNote: version?.organizationNote ?? '',
    locationIds: version?.locationIds ?? [],
    locationNote: version?.locationNote ?? '',
    assetCategories: version?.assetCategories ?? [],
    assetNote: version?.assetNote ?? '',
    technology: version?.technology ?? '',
    boundaries: version?.boundaries ?? '',
    interfaces: version?.interfaces ?? [],
    exclusions: (version?.exclusions ?? []).map((e) => ({
      id: e.controlId,
      reason: e.reason,
      riskAcceptedBy: e.riskAcceptedBy,
      riskAcceptedOn: e.riskAcceptedOn,
    })),
  };
}

function StatusBadge({ version }: { version: ScopeVersion }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[version.status]} variant="light" tt="none">
      {t('scope.versionBadge', {
        number: version.number,
        status: t(`scope.statuses.${version.status}`),
      })}
    </Badge>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" shadow="xs">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Group>
      <Button
        variant="subtle"
        size="xs"
        leftSection={<IconPlus size={14} aria-hidden="true" />}
        onClick={onClick}
      >
        {label}
      </Button>
    </Group>
  );
}

/** The scope being worked on: the five viewpoints, boundaries, interfaces and exclusions. */
function ScopeForm({ current, editable }: { current: ScopeVersion | null; editable: boolean }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => contentOf(current));
  const save = useSaveScope();
  const submit = useSubmitScope();
  const units = useOrgUnits();
  const locations = useLocations();
  const [adding, setAdding] = useState<'unit' | 'location' | null>(null);
  const stale = isApiError(save.error) && save.error.status === 412;
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const labels: FieldLabels = {
    businessActivities: t('scope.fields.businessActivities'),
    orgUnitIds: t('scope.fields.orgUnits'),
    organizationNote: t('scope.fields.note'),
    locationIds: t('scope.fields.locations'),
    locationNote: t('scope.fields.note'),
    assetCategories: t('scope.fields.assetCategories'),
    assetNote: t('scope.fields.note'),
    technology: t('scope.fields.technology'),
    boundaries: t('scope.fields.boundariesHint'),
    interfaces: t('scope.interfaces.title'),
    exclusions: t('scope.exclusions.title'),
    'exclusions.*.id': t('scope.exclusions.control'),
    'exclusions.*.reason': t('scope.exclusions.reason'),
    'exclusions.*.riskAcceptedBy': t('scope.exclusions.acceptedBy'),
    'exclusions.*.riskAcceptedOn': t('scope.exclusions.acceptedOn'),
  };
  // The lists (interfaces, exclusions) name the field in the alert; the rest mark their input.
  const fields = problemFields(
    save.error,
    labels,
    Object.keys(labels).filter((key) => !/^(interfaces|exclusions)/.test(key)),
  );

  function onSave(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      current,
      body: {
        ...form,
        exclusions: form.exclusions.map((e) => ({
          namespace: 'control' as const,
          id: e.id.trim(),
          reason: e.reason,
          riskAcceptedBy: e.riskAcceptedBy,
          ...(e.riskAcceptedOn ? { riskAcceptedOn: e.riskAcceptedOn } : {}),
        })),
      },
    });
  }

  const area = (key: keyof ScopeContent, label: string) => (
    <Textarea
      label={label}
      value={form[key] as string}
      onChange={(e) => set(key, e.currentTarget.value as never)}
      error={fields.error(key)}
      readOnly={!editable}
      autosize
      minRows={2}
    />
  );

  return (
    <>
      <form onSubmit={onSave}>
        <Stack gap="md">
          {stale ? (
            <Alert
              color="orange"
              role="alert"
              icon={<IconAlertTriangle size={18} aria-hidden="true" />}
              title={t('scope.staleTitle')}
            >
              {t('scope.staleBody')}
            </Alert>
          ) : (
            save.error && <ProblemDetails error={save.error} fields={fields} />
          )}
          {submit.error ? <ProblemDetails error={submit.error} /> : null}
          <Section title={t('scope.viewpoints.business')}>
            {area('businessActivities', t('scope.fields.businessActivities'))}
          </Section>
          <Section title={t('scope.viewpoints.organization')}>
            <MultiSelect
              label={t('scope.fields.orgUnits')}
              data={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
              value={form.orgUnitIds}
              error={fields.error('orgUnitIds')}
              onChange={(value) => set('orgUnitIds', value)}
              readOnly={!editable}
              searchable
            />
            {editable && (
              <AddButton label={t('scope.structure.newUnit')} onClick={() => setAdding('unit')} />
            )}
            {area('organizationNote', t('scope.fields.note'))}
          </Section>
          <Section title={t('scope.viewpoints.location')}>
            <MultiSelect
              label={t('scope.fields.locations')}
              data={(locations.data ?? []).map((l) => ({
                value: l.id,
                label: `${l.code} ${l.name}`,
              }))}
              value={form.locationIds}
              error={fields.error('locationIds')}
              onChange={(value) => set('locationIds', value)}
              readOnly={!editable}
              searchable
            />
            {editable && (
              <AddButton
                label={t('scope.structure.newLocation')}
                onClick={() => setAdding('location')}
              />
            )}
            {area('locationNote', t('scope.fields.note'))}
          </Section>
          <Section title={t('scope.viewpoints.assets')}>
            <MultiSelect
              label={t('scope.fields.assetCategories')}
              data={assetCategorySchema.options.map((value) => ({
                value,
                label: t(`assets.categories.${value}`),
              }))}
              value={form.assetCategories}
              error={fields.error('assetCategories')}
              onChange={(value) => set('assetCategories', value as ScopeContent['assetCategories'])}
              readOnly={!editable}
            />
            {area('assetNote', t('scope.fields.note'))}
          </Section>
          <Section title={t('scope.viewpoints.technology')}>
            {area('technology', t('scope.fields.technology'))}
          </Section>
          <Section title={t('scope.fields.boundaries')}>
            {area('boundaries', t('scope.fields.boundariesHint'))}
            <Title order={3} fz="sm">
              {t('scope.interfaces.title')}
            </Title>
            <ScopeInterfaces
              items={form.interfaces}
              onChange={(value) => set('interfaces', value)}
              editable={editable}
            />
          </Section>
          <Section title={t('scope.exclusions.title')}>
            <ScopeExclusions
              exclusions={form.exclusions}
              onChange={(value) => set('exclusions', value)}
              editable={editable}
            />
          </Section>
          {editable && (
            <Group justify="flex-end">
              {current?.status === 'draft' && (
                <Button
                  variant="default"
                  leftSection={<IconSend size={16} aria-hidden="true" />}
                  loading={submit.isPending}
                  onClick={() => submit.mutate(current)}
                >
                  {t('scope.submit')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending} disabled={stale}>
                {current?.status === 'approved' ? t('scope.startDraft') : t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {/* Outside the scope form: a dialog's submit would otherwise reach it through React's tree. */}
      {adding && (
        <NewStructureModal
          kind={adding}
          onClose={() => setAdding(null)}
          onCreated={(id) => {
            // Added to the scope being edited only; nothing is saved until the user saves.
            const key = adding === 'unit' ? 'orgUnitIds' : 'locationIds';
            setForm((f) => ({ ...f, [key]: f[key].includes(id) ? f[key] : [...f[key], id] }));
            setAdding(null);
          }}
        />
      )}
    </>
  );
}

/** The ISMS scope (適用範囲): the version being worked on and the approved one in force. */
export function ScopePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const scope = useScope();
  const current = scope.data?.current ?? null;
  const approved = scope.data?.approved ?? null;
  const editable = can('isms:write') && current?.status !== 'pending';

  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        title={t('areas.scope.title')}
        description={t('areas.scope.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="blue">
            <IconTarget size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={
          <Group gap="xs">
            {current && <StatusBadge version={current} />}
            {approved && approved.id !== current?.id && <StatusBadge version={approved} />}
          </Group>
        }
      />
      {scope.isPending ? (
        <LoadingRows rows={5} />
      ) : scope.isError ? (
        <ErrorState
          error={scope.error}
          onRetry={() => void scope.refetch()}
          retrying={scope.isFetching}
        />
      ) : (
        <Tabs defaultValue="current">
          <Tabs.List>
            <Tabs.Tab value="current">{t('scope.tabs.current')}</Tabs.Tab>
            <Tabs.Tab value="approved" disabled={!approved}>
              {t('scope.tabs.approved')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="current" pt="md">
            <Stack gap="md">
              {!current && (
                <Text fz="sm" c="dimmed">
                  {t('scope.noneYet')}
                </Text>
              )}
              {current?.status === 'pending' && (
                <Alert color="yellow">{t('scope.pendingHint')}</Alert>
              )}
              <ScopeForm key={current?.version ?? 0} current={current} editable={editable} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="approved" pt="md">
            {approved && (
              <Stack gap="md">
                <SimpleGrid cols={2}>
                  <Text fz="sm">
                    {t('scope.approvedAt', { date: format.dateTime(approved.approvedAt) })}
                  </Text>
                </SimpleGrid>
                <ScopeForm key={`a-${approved.version}`} current={approved} editable={false} />
              </Stack>
            )}
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
