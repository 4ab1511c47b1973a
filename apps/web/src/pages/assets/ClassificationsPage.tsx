import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArchive,
  IconArchiveOff,
  IconPencil,
  IconPlus,
  IconTags,
} from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useClassifications,
  useSaveClassification,
  type ClassificationLevel,
} from '../../api/assets';
import { isApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { ProblemDetails } from '../../components/ProblemDetails';
import { problemFields } from '../../lib/problemFields';
import { useToast } from '../../components/Toasts';
import { useSession } from '../../session/useSession';
import { NewLevelModal } from './NewLevelModal';

const RULES = ['labelling', 'storage', 'transmission', 'copying', 'disposal'] as const;
type Rule = (typeof RULES)[number];

function HandlingModal({ level, onClose }: { level: ClassificationLevel; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const [handling, setHandling] = useState(level.handling);
  const save = useSaveClassification();
  const stale = isApiError(save.error) && save.error.status === 412;
  const ruleLabel = (rule: Rule, locale: 'ja' | 'en') =>
    `${t(`classifications.rules.${rule}`)} (${t(`language.${locale}`)})`;
  const inputs = Object.fromEntries(
    RULES.flatMap((rule) =>
      (['ja', 'en'] as const).map((locale) => [
        `handling.${rule}.${locale}`,
        ruleLabel(rule, locale),
      ]),
    ),
  );
  // A rule refused as a whole (both languages) has no single input: listed by its name.
  const problem = problemFields(
    save.error,
    {
      ...Object.fromEntries(
        RULES.map((rule) => [`handling.${rule}`, t(`classifications.rules.${rule}`)]),
      ),
      ...inputs,
    },
    Object.keys(inputs),
  );
  const setRule = (rule: Rule, locale: 'ja' | 'en', value: string) =>
    setHandling((h) => ({ ...h, [rule]: { ...h[rule], [locale]: value } }));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ level, body: { handling } }, { onSuccess: onClose });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('classifications.editTitle', { name: level.name[lang] })}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {stale ? (
            <Alert
              color="orange"
              role="alert"
              icon={<IconAlertTriangle size={18} aria-hidden="true" />}
              title={t('classifications.staleTitle')}
            >
              {t('classifications.staleBody')}
            </Alert>
          ) : (
            save.error && <ProblemDetails error={save.error} fields={problem} />
          )}
          {RULES.map((rule) => (
            <SimpleGrid key={rule} cols={{ base: 1, sm: 2 }}>
              {(['ja', 'en'] as const).map((locale) => (
                <Textarea
                  key={locale}
                  label={ruleLabel(rule, locale)}
                  value={handling[rule][locale]}
                  error={problem.error(`handling.${rule}.${locale}`)}
                  onChange={(e) => setRule(rule, locale, e.currentTarget.value)}
                  autosize
                  minRows={2}
                />
              ))}
            </SimpleGrid>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={stale}>
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Deactivates a level after a confirmation (assets keep it, new ones cannot
 * pick it), or puts an inactive one back in use. If-Match of the level read.
 */
function ActiveToggle({ level, onDone }: { level: ClassificationLevel; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const toast = useToast();
  const save = useSaveClassification();
  const name = level.name[lang];
  const apply = () =>
    save.mutate(
      { level, body: { active: !level.active } },
      {
        onSuccess: () => {
          toast.success(
            t(level.active ? 'classifications.deactivated' : 'classifications.reactivated', {
              name,
            }),
          );
          onDone();
        },
      },
    );
  return (
    <ConfirmModal
      opened
      onClose={onDone}
      onConfirm={apply}
      title={t(
        level.active ? 'classifications.deactivateTitle' : 'classifications.reactivateTitle',
        {
          name,
        },
      )}
      message={t(
        level.active ? 'classifications.deactivateBody' : 'classifications.reactivateBody',
      )}
      confirmLabel={t(level.active ? 'classifications.deactivate' : 'classifications.reactivate')}
      danger={level.active}
      pending={save.isPending}
      error={
        isApiError(save.error) && save.error.status === 412
          ? t('classifications.staleBody')
          : (save.error?.message ?? null)
      }
    />
  );
}

/** The classification scheme (分類): its levels and how information of each is handled. */
export function ClassificationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const { can } = useSession();
  const write = can('isms:write');
  const levels = useClassifications();
  const [editing, setEditing] = useState<ClassificationLevel | null>(null);
  const [toggling, setToggling] = useState<ClassificationLevel | null>(null);
  const [creating, setCreating] = useState(false);
  const sorted = [...(levels.data ?? [])].sort((a, b) => b.rank - a.rank);

  return (
    <Stack gap="xl" maw={1200}>
      <PageHeader
        title={t('classifications.title')}
        eyebrow={t('areas.assets.title')}
        description={t('classifications.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="blue">
            <IconTags size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={
          write && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden="true" />}
              onClick={() => setCreating(true)}
              disabled={!levels.data}
            >
              {t('classifications.create.button')}
            </Button>
          )
        }
      />
      {levels.isPending ? (
        <LoadingRows rows={4} />
      ) : levels.isError ? (
        <ErrorState
          error={levels.error}
          onRetry={() => void levels.refetch()}
          retrying={levels.isFetching}
        />
      ) : sorted.length === 0 ? (
        <EmptyBlock
          icon={<IconTags size={28} stroke={1.5} aria-hidden="true" />}
          title={t('classifications.empty')}
        />
      ) : (
        sorted.map((level) => (
          <Card key={level.id} withBorder radius="lg" shadow="xs">
            <Stack gap="sm">
              <Group justify="space-between">
                <Group gap="sm">
                  <Title order={2} fz="lg">
                    {level.name[lang]}
                  </Title>
                  <Badge variant="light" tt="none" translate="no">
                    {level.code}
                  </Badge>
                  {!level.active && (
                    <Badge color="gray" variant="outline" tt="none">
                      {t('classifications.inactive')}
                    </Badge>
                  )}
                </Group>
                {write && (
                  <Group gap="xs">
                    <Button
                      variant="subtle"
                      leftSection={<IconPencil size={16} aria-hidden="true" />}
                      onClick={() => setEditing(level)}
                      aria-label={t('classifications.editTitle', { name: level.name[lang] })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      variant="subtle"
                      color={level.active ? 'red' : 'teal'}
                      leftSection={
                        level.active ? (
                          <IconArchive size={16} aria-hidden="true" />
                        ) : (
                          <IconArchiveOff size={16} aria-hidden="true" />
                        )
                      }
                      onClick={() => setToggling(level)}
                      aria-label={t(
                        level.active
                          ? 'classifications.deactivateTitle'
                          : 'classifications.reactivateTitle',
                        { name: level.name[lang] },
                      )}
                    >
                      {t(
                        level.active ? 'classifications.deactivate' : 'classifications.reactivate',
                      )}
                    </Button>
                  </Group>
                )}
              </Group>
              {level.description[lang] && <Text fz="sm">{level.description[lang]}</Text>}
              <Table
                withRowBorders
                aria-label={t('classifications.rulesOf', { name: level.name[lang] })}
              >
                <Table.Tbody>
                  {RULES.map((rule) => (
                    <Table.Tr key={rule}>
                      <Table.Th w={180} fz="sm">
                        {t(`classifications.rules.${rule}`)}
                      </Table.Th>
                      <Table.Td fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {level.handling[rule][lang] || '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Card>
        ))
      )}
      {editing && <HandlingModal level={editing} onClose={() => setEditing(null)} />}
      {toggling && <ActiveToggle level={toggling} onDone={() => setToggling(null)} />}
      {creating && <NewLevelModal levels={levels.data ?? []} onClose={() => setCreating(false)} />}
    </Stack>
  );
}
