import {
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconShieldCheck, IconShieldCog } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  DEFAULT_LIBRARY_ID,
  useCatalogs,
  useCatalogTree,
  useControl,
  type CatalogControlDetail,
  type CatalogTreeNode,
} from '../../api/catalog';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { otherText, pickText, textIn, useCatalogLanguage } from '../../lib/catalogText';
import { useSignedInSession } from '../../session/useSession';
import { catalogPath } from './ControlTree';
import { ControlLinks, ControlParams, hasParts, PartsText } from './ControlStatement';
import { ControlUsageCard } from './ControlUsage';
import { FallbackBadge, LocalizedText, useLanguageName } from './LocalizedText';
import classes from './catalog.module.css';
import { displayIdIn } from '@mamoru/contracts';

/** Finds a node of the control groups by ID (for the objective's and domain's summaries). */
function findNode(nodes: readonly CatalogTreeNode[], id: string): CatalogTreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** The other language's wording under the main one, for people who work in both. */
function OtherLanguage({ texts }: { texts: Record<string, string> | null }) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const languageName = useLanguageName();
  const picked = pickText(texts, language);
  const other = picked && !picked.fallback ? otherText(texts, language) : null;
  if (!other) return null;
  return (
    <Box pt="xs" style={{ borderTop: '1px dashed var(--mantine-color-gray-3)' }}>
      <Text fz="xs" fw={700} c="dimmed" mb={2}>
        {t('catalog.control.inLanguage', { language: languageName(other.lang) })}
      </Text>
      <Text fz="sm" c="gray.8" lang={other.lang} className={classes.textBlock}>
        {other.text}
      </Text>
    </Box>
  );
}

function ControlDetail({
  libraryId,
  control,
  groups,
}: {
  libraryId: string;
  control: CatalogControlDetail;
  groups: readonly CatalogTreeNode[] | undefined;
}) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const { info, can } = useSignedInSession();
  const catalogs = useCatalogs();
  const library = catalogs.data?.find((l) => l.id === libraryId);
  const libraryName = library ? textIn(library.name, language) : libraryId;
  const title = pickText(control.title, language);
  const objective = control.objective && groups ? findNode(groups, control.objective.id) : null;
  const domain = control.domain && groups ? findNode(groups, control.domain.id) : null;
  const parents = control.ancestors.filter((a) => a.kind !== 'domain' && a.kind !== 'objective');
  // An imported OSCAL control: its statement as the catalog states it, items and placeholders.
  const structured = hasParts(control.parts, 'statement');

  return (
    <Stack gap="xl" maw={1200}>
      <Box component="nav" aria-label={t('catalog.control.breadcrumbs')}>
        <Breadcrumbs separatorMargin={6} fz="sm" style={{ flexWrap: 'wrap' }}>
          <Anchor component={Link} to={catalogPath(libraryId)} fz="sm">
            {libraryName}
          </Anchor>
          {control.ancestors.map((node) => (
            <Text key={node.id} fz="sm" c="dimmed">
              {displayIdIn(node, language)}{' '}
              <LocalizedText texts={node.title} markFallback={false} />
            </Text>
          ))}
          <Text fz="sm" fw={600} aria-current="page">
            {displayIdIn(control, language)}
          </Text>
        </Breadcrumbs>
      </Box>
      <PageHeader
        title={`${displayIdIn(control, language)} ${title?.text ?? control.id}`}
        eyebrow={
          <Group gap="xs" wrap="wrap">
            <span>{t('catalog.control.eyebrow')}</span>
            {control.own && (
              <Badge variant="light" color="teal" radius="sm" size="sm">
                {t('catalog.ownControl')}
              </Badge>
            )}
            {title?.fallback && <FallbackBadge picked={title} />}
          </Group>
        }
        description={
          otherText(control.title, language) && !title?.fallback ? (
            <Text span c="dimmed" lang={otherText(control.title, language)!.lang}>
              {otherText(control.title, language)!.text}
            </Text>
          ) : undefined
        }
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="blue">
            <IconShieldCheck size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={
          <Group gap="sm">
            {/* How the organization operates and checks it (4.2.2.c); operation is
                kept for the certification catalog's controls only. */}
            {can('controls:read') && libraryId === DEFAULT_LIBRARY_ID && (
              <Button
                component={Link}
                to={`/controls/${encodeURIComponent(control.id)}`}
                variant="light"
                leftSection={<IconShieldCog size={16} aria-hidden="true" />}
              >
                {t('areas.controls.title')}
              </Button>
            )}
            <Button
              component={Link}
              to={catalogPath(libraryId)}
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden="true" />}
            >
              {t('catalog.control.back')}
            </Button>
          </Group>
        }
      />

      <SimpleGrid cols={{ base: 1, md: control.official ? 2 : 1 }} spacing="lg">
        <SectionCard
          id="control-summary"
          title={
            structured
              ? t('catalog.control.statement')
              : control.own
                ? t('catalog.control.ownSummary')
                : t('catalog.control.summary')
          }
          description={
            structured
              ? t('catalog.control.statementHint')
              : control.own
                ? t('catalog.control.ownSummaryHint', { organization: info.organization.name })
                : t('catalog.control.summaryHint')
          }
        >
          {structured ? (
            <PartsText parts={control.parts!} name="statement" params={control.params} />
          ) : control.summary ? (
            <LocalizedText
              component="p"
              texts={control.summary}
              m={0}
              className={classes.textBlock}
            />
          ) : (
            <Text c="dimmed" fz="sm">
              {t('catalog.control.noSummary')}
            </Text>
          )}
          <OtherLanguage texts={control.summary} />
        </SectionCard>
        {control.official && (
          <Paper withBorder radius="lg" shadow="xs" className={classes.official}>
            <Box component="section" aria-labelledby="control-official" p="lg">
              <Stack gap="md">
                <Stack gap={4}>
                  <Title order={2} fz="lg" id="control-official">
                    {t('catalog.control.official', { organization: info.organization.name })}
                  </Title>
                  <Text fz="sm" c="dimmed">
                    {t('catalog.control.officialHint')}
                  </Text>
                </Stack>
                <LocalizedText
                  component="p"
                  texts={control.official}
                  m={0}
                  className={classes.textBlock}
                  data-testid="control-official"
                />
                <OtherLanguage texts={control.official} />
              </Stack>
            </Box>
          </Paper>
        )}
      </SimpleGrid>

      {control.guidance && (
        <SectionCard id="control-guidance" title={t('catalog.control.guidance')}>
          {hasParts(control.parts, 'guidance') ? (
            <PartsText parts={control.parts!} name="guidance" params={control.params} />
          ) : (
            <LocalizedText
              component="p"
              texts={control.guidance}
              m={0}
              className={classes.textBlock}
            />
          )}
        </SectionCard>
      )}

      {control.params.length > 0 && (
        <SectionCard id="control-params" title={t('catalog.control.params')}>
          <ControlParams params={control.params} />
        </SectionCard>
      )}

      {control.links?.length ? (
        <SectionCard id="control-links" title={t('catalog.control.links')}>
          <ControlLinks libraryId={libraryId} links={control.links} />
        </SectionCard>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SectionCard id="control-context" title={t('catalog.control.context')}>
          {control.objective && (
            <Stack gap={4}>
              <Text fz="xs" fw={700} c="indigo.9">
                {t('catalog.objectiveLabel')}
              </Text>
              <Text fw={600}>
                {displayIdIn(control.objective, language)}{' '}
                <LocalizedText texts={control.objective.title} markFallback={false} />
              </Text>
              {objective?.summary && (
                <LocalizedText
                  component="p"
                  texts={objective.summary}
                  fz="sm"
                  m={0}
                  markFallback={false}
                />
              )}
            </Stack>
          )}
          {control.domain && (
            <Stack gap={4}>
              <Text fz="xs" fw={700} c="indigo.9">
                {t('catalog.domainLabel')}
              </Text>
              <Text fw={600}>
                {displayIdIn(control.domain, language)}{' '}
                <LocalizedText texts={control.domain.title} markFallback={false} />
              </Text>
              {domain?.summary && (
                <LocalizedText
                  component="p"
                  texts={domain.summary}
                  fz="sm"
                  c="dimmed"
                  m={0}
                  markFallback={false}
                />
              )}
            </Stack>
          )}
          {!control.objective && !control.domain && parents.length === 0 && (
            <Text fz="sm" c="dimmed">
              {t('catalog.control.noContext')}
            </Text>
          )}
          {!control.objective &&
            parents.map((node) => (
              <Text key={node.id} fw={600}>
                {displayIdIn(node, language)}{' '}
                <LocalizedText texts={node.title} markFallback={false} />
              </Text>
            ))}
        </SectionCard>
        <ControlUsageCard libraryId={libraryId} controlId={control.id} usage={control.usage} />
      </SimpleGrid>
    </Stack>
  );
}

/** One control: our summary, the organization's licensed wording beside it, its objective and its use. */
export function ControlPage() {
  const { t } = useTranslation();
  const { libraryId = '', controlId = '' } = useParams();
  const control = useControl(libraryId, controlId);
  // The objective's and domain's summaries come from the tree (usually cached from the catalog page).
  const tree = useCatalogTree(libraryId);

  if (control.isPending) {
    return (
      <Stack gap="xl" maw={1200}>
        <LoadingRows rows={6} label={t('catalog.control.loading')} />
      </Stack>
    );
  }
  if (control.isError) {
    const missing = isApiError(control.error) && control.error.status === 404;
    return (
      <Stack gap="xl" maw={1200}>
        <PageHeader title={t('catalog.control.notFound')} />
        {missing ? (
          <EmptyBlock
            icon={<IconShieldCheck size={28} stroke={1.5} aria-hidden="true" />}
            title={t('catalog.control.notFoundHint', { id: controlId })}
            action={
              <Button component={Link} to={catalogPath(libraryId)} variant="default">
                {t('catalog.control.back')}
              </Button>
            }
          />
        ) : (
          <ErrorState
            error={control.error}
            onRetry={() => void control.refetch()}
            retrying={control.isFetching}
          />
        )}
      </Stack>
    );
  }
  return (
    <ControlDetail libraryId={libraryId} control={control.data} groups={tree.data?.controlGroups} />
  );
}
