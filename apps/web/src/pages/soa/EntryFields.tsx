import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SoaLink, SoaReason } from '@mamoru/contracts';

const REASON_TYPES = ['risk', 'legal', 'business', 'policy'] as const;
const LINK_TYPES = ['document', 'record', 'url', 'risk', 'other'] as const;

/** Typed reasons for selecting a control; risk reasons keep the risk they link. */
export function ReasonsEditor({
  reasons,
  onChange,
}: {
  reasons: SoaReason[];
  onChange: (reasons: SoaReason[]) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<SoaReason>) =>
    onChange(reasons.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={500}>
        {t('soa.panel.reasons')}
      </Text>
      {reasons.map((r, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label={t('soa.panel.reasonType')}
            data={REASON_TYPES.map((type) => ({
              value: type,
              label: t(`soa.reasonTypes.${type}`),
            }))}
            value={r.type}
            onChange={(v) => v && update(i, { type: v as SoaReason['type'] })}
            allowDeselect={false}
            w={200}
          />
          <TextInput
            label={
              r.link ? `${t('soa.panel.note')} (${r.link.label || r.link.id})` : t('soa.panel.note')
            }
            value={r.note}
            onChange={(e) => update(i, { note: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('soa.panel.removeReason')}
            onClick={() => onChange(reasons.filter((_, j) => j !== i))}
            mb={4}
          >
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => onChange([...reasons, { type: 'business', note: '', link: null }])}
        >
          {t('soa.panel.addReason')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Implementing documents and evidence as generic {type, id, label} references. */
export function LinksEditor({
  links,
  onChange,
}: {
  links: SoaLink[];
  onChange: (links: SoaLink[]) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<SoaLink>) =>
    onChange(links.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={500}>
        {t('soa.panel.links')}
      </Text>
      {links.map((l, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label={t('soa.panel.linkType')}
            data={LINK_TYPES.map((type) => ({ value: type, label: t(`soa.linkTypes.${type}`) }))}
            value={l.type}
            onChange={(v) => v && update(i, { type: v })}
            allowDeselect={false}
            w={130}
          />
          <TextInput
            label={t('soa.panel.linkId')}
            value={l.id}
            onChange={(e) => update(i, { id: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <TextInput
            label={t('soa.panel.linkLabel')}
            value={l.label}
            onChange={(e) => update(i, { label: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('soa.panel.removeLink')}
            onClick={() => onChange(links.filter((_, j) => j !== i))}
            mb={4}
          >
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => onChange([...links, { type: 'document', id: '', label: '' }])}
        >
          {t('soa.panel.addLink')}
        </Button>
      </Group>
    </Stack>
  );
}
