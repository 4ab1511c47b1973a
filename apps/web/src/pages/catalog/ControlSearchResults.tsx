import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconChevronRight, IconSearchOff } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useControlSearch, type CatalogControl } from '../../api/catalog';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { searchWords, useCatalogLanguage } from '../../lib/catalogText';
import { controlPath } from './ControlTree';
import { LocalizedText } from './LocalizedText';
import classes from './catalog.module.css';
import { displayIdIn } from '@mamoru/contracts';

/** Domain › objective (or the enclosing groups of an imported library). */
function ResultPath({ control }: { control: CatalogControl }) {
  const language = useCatalogLanguage();
  const path = control.ancestors.filter((a) => a.kind !== 'control');
  if (path.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" fz="xs" c="dimmed">
      {path.map((node, i) => (
        <Fragment key={node.id}>
          {i > 0 && <IconChevronRight size={12} aria-hidden="true" />}
          <Text span fz="xs" c="dimmed">
            {displayIdIn(node, language)} <LocalizedText texts={node.title} markFallback={false} />
          </Text>
        </Fragment>
      ))}
    </Group>
  );
}

/** The controls matching every word of `q`, with their place in the tree and the words marked. */
export function ControlSearchResults({
  libraryId,
  q,
  onClear,
}: {
  libraryId: string;
  q: string;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const search = useControlSearch(libraryId, q);
  const words = searchWords(q);
  const items = search.data?.pages.flatMap((page) => page.items) ?? [];

  if (search.isPending) return <LoadingRows rows={4} label={t('catalog.search.loading')} />;
  if (search.isError) {
    return (
      <ErrorState
        error={search.error}
        onRetry={() => void search.refetch()}
        retrying={search.isFetching}
      />
    );
  }
  if (items.length === 0) {
    return (
      <EmptyBlock
        icon={<IconSearchOff size={28} stroke={1.5} aria-hidden="true" />}
        title={t('catalog.search.noMatch', { q })}
        description={t('catalog.search.noMatchHint')}
        action={
          <Button variant="default" onClick={onClear}>
            {t('catalog.search.clear')}
          </Button>
        }
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed" role="status" aria-live="polite">
        {search.hasNextPage
          ? t('catalog.search.countMore', { count: items.length })
          : t('catalog.search.count', { count: items.length })}
      </Text>
      <ul className={classes.tree} aria-label={t('catalog.search.results')}>
        {items.map((control) => (
          <li key={control.id} className={classes.result} data-testid="catalog-result">
            <Stack gap={4}>
              <ResultPath control={control} />
              <Group gap={6} wrap="wrap">
                <Link className={classes.controlLink} to={controlPath(libraryId, control.id)}>
                  <span className={classes.displayId}>{displayIdIn(control, language)}</span>{' '}
                  <LocalizedText
                    texts={control.title}
                    highlight={words}
                    className={classes.controlTitle}
                  />
                </Link>
                {control.own && (
                  <Badge size="xs" variant="light" color="teal" radius="sm">
                    {t('catalog.own')}
                  </Badge>
                )}
                {control.official && (
                  <Badge size="xs" variant="light" color="grape" radius="sm">
                    {t('catalog.hasOfficial')}
                  </Badge>
                )}
              </Group>
              {control.summary && (
                <LocalizedText
                  component="p"
                  texts={control.summary}
                  highlight={words}
                  fz="sm"
                  c="gray.8"
                  m={0}
                  markFallback={false}
                />
              )}
            </Stack>
          </li>
        ))}
      </ul>
      {search.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void search.fetchNextPage()}
            loading={search.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
