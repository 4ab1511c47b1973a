import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogLibrary, CatalogTree } from '../../api/catalog';
import { textIn, useCatalogLanguage } from '../../lib/catalogText';
import { LocalizedText } from './LocalizedText';

const originColor: Record<CatalogLibrary['origin'], string> = {
  shipped: 'indigo',
  native: 'teal',
  oscal: 'cyan',
};

/** The chosen library: who publishes it, where it comes from, what it holds. */
export function LibraryFacts({
  library,
  tree,
}: {
  library: CatalogLibrary;
  tree: CatalogTree | undefined;
}) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const note = tree?.source.note;
  const publisher = textIn(library.publisher, language);
  return (
    <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
      <Group gap={6} wrap="wrap">
        <Badge variant="light" color={originColor[library.origin]} radius="sm">
          {t(`catalog.origin.${library.origin}`)}
        </Badge>
        <Badge variant="outline" color="gray.7" radius="sm">
          {t('catalog.version', { version: library.version })}
        </Badge>
        {library.counts.ownControls > 0 && (
          <Badge variant="light" color="teal" radius="sm">
            {t('catalog.ownCount', { count: library.counts.ownControls })}
          </Badge>
        )}
        {library.counts.overlayTexts > 0 && (
          <Badge variant="light" color="grape" radius="sm">
            {t('catalog.officialCount', { count: library.counts.overlayTexts })}
          </Badge>
        )}
      </Group>
      <Text fz="sm" c="dimmed">
        {[
          publisher,
          library.counts.requirements > 0
            ? t('catalog.requirementCount', { count: library.counts.requirements })
            : null,
          t('catalog.controlCount', { count: library.counts.controls }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {note && <LocalizedText component="p" texts={note} fz="xs" c="dimmed" m={0} maw={900} />}
    </Stack>
  );
}
