import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogSelect } from '../../components/catalogPicker/CatalogPicker';

export interface EvidenceLink {
  type: string;
  id: string;
  label: string;
}

const CATALOG_KINDS = ['control', 'requirement'] as const;
type Kind = (typeof CATALOG_KINDS)[number] | 'other';

/**
 * What a record evidences: a control or requirement picked from the catalog,
 * or any other object named by its kind and ID (as the API has always taken).
 */
export function EvidenceLinkFields({
  link,
  onChange,
  errorOf = () => undefined,
}: {
  link: EvidenceLink;
  onChange: (link: EvidenceLink) => void;
  /** The refused save's message for a link field (`links.0.type`, `.id`, `.label`). */
  errorOf?: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const initial: Kind | null = (CATALOG_KINDS as readonly string[]).includes(link.type)
    ? (link.type as Kind)
    : link.type
      ? 'other'
      : null;
  const [kind, setKind] = useState<Kind | null>(initial);
  const choose = (next: Kind | null) => {
    setKind(next);
    onChange({ ...link, type: next && next !== 'other' ? next : '', id: '' });
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Select
        label={t('evidenceLink.linkType')}
        data={(['control', 'requirement', 'other'] as const).map((value) => ({
          value,
          label: t(`catalogPicker.linkKinds.${value}`),
        }))}
        value={kind}
        onChange={(value) => choose(value as Kind | null)}
        clearable
        comboboxProps={{ withinPortal: true }}
        error={kind === 'other' ? undefined : errorOf('links.0.type')}
      />
      {kind === 'control' || kind === 'requirement' ? (
        <CatalogSelect
          namespace={kind}
          label={t('evidenceLink.linkId')}
          value={link.id || null}
          onChange={(id) => onChange({ ...link, id: id ?? '' })}
          error={errorOf('links.0.id')}
        />
      ) : (
        <TextInput
          label={t('evidenceLink.linkId')}
          value={link.id}
          onChange={(e) => onChange({ ...link, id: e.currentTarget.value })}
          disabled={kind === null}
          error={errorOf('links.0.id')}
        />
      )}
      {kind === 'other' ? (
        <TextInput
          label={t('catalogPicker.linkKinds.otherKind')}
          value={link.type}
          onChange={(e) => onChange({ ...link, type: e.currentTarget.value })}
          error={errorOf('links.0.type')}
        />
      ) : (
        <TextInput
          label={t('evidenceLink.linkLabel')}
          value={link.label}
          onChange={(e) => onChange({ ...link, label: e.currentTarget.value })}
          error={errorOf('links.0.label')}
        />
      )}
    </SimpleGrid>
  );
}
