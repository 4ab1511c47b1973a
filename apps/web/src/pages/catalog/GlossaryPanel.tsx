import { Button, Stack, Text, TextInput } from '@mantine/core';
import { IconBook, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGlossary } from '../../api/catalog';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { normalizeForSearch, otherText, pickText, useCatalogLanguage } from '../../lib/catalogText';
import { LocalizedText } from './LocalizedText';
import classes from './catalog.module.css';

/** The terms of the library (用語集): term, its name in the other language, definition; filterable. */
export function GlossaryPanel({ libraryId, shipped }: { libraryId: string; shipped: boolean }) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const glossary = useGlossary(libraryId);
  const [filter, setFilter] = useState('');

  if (glossary.isPending) return <LoadingRows rows={5} label={t('catalog.glossary.loading')} />;
  if (glossary.isError) {
    return (
      <ErrorState
        error={glossary.error}
        onRetry={() => void glossary.refetch()}
        retrying={glossary.isFetching}
      />
    );
  }
  if (glossary.data.length === 0) {
    return (
      <EmptyBlock
        icon={<IconBook size={28} stroke={1.5} aria-hidden="true" />}
        title={t('catalog.glossary.empty')}
        // The hint is about imported files; a shipped catalog simply has none.
        description={shipped ? undefined : t('catalog.glossary.emptyHint')}
      />
    );
  }
  const words = normalizeForSearch(filter).split(/\s+/).filter(Boolean);
  const terms = glossary.data.filter((term) => {
    if (words.length === 0) return true;
    const haystack = normalizeForSearch(
      [...Object.values(term.term), ...Object.values(term.definition)].join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  });
  return (
    <Stack gap="md">
      <TextInput
        type="search"
        aria-label={t('catalog.glossary.filter')}
        placeholder={t('catalog.glossary.filterPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        maw={420}
      />
      {terms.length === 0 ? (
        <EmptyBlock
          icon={<IconSearch size={28} stroke={1.5} aria-hidden="true" />}
          title={t('catalog.glossary.noMatch')}
          action={
            <Button variant="default" onClick={() => setFilter('')}>
              {t('catalog.search.clear')}
            </Button>
          }
        />
      ) : (
        <dl style={{ margin: 0 }} aria-label={t('catalog.tabs.glossary')}>
          {terms.map((term) => {
            const shown = pickText(term.term, language);
            const other = shown && !shown.fallback ? otherText(term.term, language) : null;
            return (
              <div key={`${term.libraryId}:${term.id}`} className={classes.result}>
                <dt>
                  <LocalizedText texts={term.term} fw={700} />
                  {other && (
                    <Text span c="dimmed" fz="sm" ml={8} lang={other.lang}>
                      {other.text}
                    </Text>
                  )}
                </dt>
                <dd style={{ margin: '4px 0 0' }}>
                  <LocalizedText texts={term.definition} fz="sm" markFallback={false} />
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </Stack>
  );
}
