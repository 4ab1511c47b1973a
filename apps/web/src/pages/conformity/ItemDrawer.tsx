import { Anchor, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { displayIdIn } from '@mamoru/contracts';
import { Link } from 'react-router';
import { localized, type ConformityItem } from '../../api/conformity';
import { GuidanceSection } from './GuidanceSection';
import { StatusBadge } from './StatusBadge';
import { ItemAttestations } from './attestations/ItemAttestations';

function factText(value: ConformityItem['data'][string]) {
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (value === null || value === '') return '—';
  return String(value);
}

/** One requirement item: its status, why, how it can be met, the evidence and the data used. */
export function ItemDrawer({
  item,
  onClose,
}: {
  item: ConformityItem | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const facts = item ? Object.entries(item.data) : [];
  return (
    <Drawer
      opened={!!item}
      onClose={onClose}
      position="right"
      size="lg"
      title={item ? `${displayIdIn(item, lang)} ${localized(item.title, lang)}` : ''}
      closeButtonProps={{ 'aria-label': t('conformity.detail.close') }}
    >
      {item && (
        <Stack gap="md" data-testid="conformity-item">
          <Group gap="xs">
            <StatusBadge status={item.status} size="md" />
            <Text fz="sm" c="dimmed">
              {t(`phases.${item.phase}.name`)} · {item.id}
            </Text>
          </Group>
          <Stack gap={4}>
            <Title order={3} fz="md">
              {t('conformity.detail.explanation')}
            </Title>
            <Text fz="sm">{localized(item.explanation, lang)}</Text>
          </Stack>
          <GuidanceSection guidance={item.guidance} />
          {item.links.length > 0 && (
            <Stack gap={4}>
              <Title order={3} fz="md">
                {t('conformity.detail.links')}
              </Title>
              {item.links.map((l) => (
                <Group key={`${l.kind}-${l.href}`} gap="xs" wrap="nowrap">
                  {l.kind === 'gap' ? (
                    <IconAlertTriangle
                      size={16}
                      color="var(--mantine-color-red-7)"
                      aria-hidden="true"
                    />
                  ) : (
                    <IconFileCheck
                      size={16}
                      color="var(--mantine-color-green-7)"
                      aria-hidden="true"
                    />
                  )}
                  <Anchor component={Link} to={l.href} fz="sm">
                    {localized(l.label, lang)}
                  </Anchor>
                  <Text fz="xs" c="dimmed">
                    {t(`conformity.linkKind.${l.kind}`)}
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
          <Stack gap={4}>
            <Title order={3} fz="md">
              {t('conformity.detail.data')}
            </Title>
            {facts.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('conformity.detail.noData')}
              </Text>
            ) : (
              <Table withTableBorder striped fz="sm">
                <Table.Tbody>
                  {facts.map(([key, value]) => (
                    <Table.Tr key={key}>
                      <Table.Th scope="row" fw={500}>
                        <code>{key}</code>
                      </Table.Th>
                      <Table.Td>{factText(value)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
          <ItemAttestations item={item} />
        </Stack>
      )}
    </Drawer>
  );
}
