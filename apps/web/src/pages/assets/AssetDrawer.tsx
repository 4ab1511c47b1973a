import { Button, Drawer, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsset, useAssetHistory, type Asset, type AssetListItem } from '../../api/assets';
import { LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { DependenciesEditor } from './DependenciesEditor';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180} fz="sm">
        {label}
      </Table.Th>
      <Table.Td fz="sm">{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * One asset in full: its fields, its dependencies both ways (editable) and its
 * history. Opened from a register row, it reads the whole asset (the row lacks
 * the description) and edits that.
 */
export function AssetDrawer({
  asset,
  onClose,
  onEdit,
}: {
  asset: AssetListItem | null;
  onClose: () => void;
  onEdit?: ((asset: Asset) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const history = useAssetHistory(asset?.id);
  const full = useAsset(asset?.id).data;
  const cia = (v: number | null) => (v === null ? '—' : String(v));

  return (
    <Drawer
      opened={!!asset}
      onClose={onClose}
      position="right"
      size="lg"
      title={asset ? `${asset.code} ${asset.name}` : ''}
    >
      {asset && (
        <Stack gap="lg">
          {onEdit && (
            <Group>
              <Button
                variant="light"
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                disabled={!full}
                onClick={() => full && onEdit(full)}
              >
                {t('common.edit')}
              </Button>
            </Group>
          )}
          <Table withRowBorders>
            <Table.Tbody>
              <Row label={t('assets.fields.category')}>
                {t(`assets.categories.${asset.category}`)}
              </Row>
              <Row label={t('assets.fields.description')}>
                {full ? full.description || '—' : '…'}
              </Row>
              <Row label={t('assets.fields.owner')}>{asset.owner.name}</Row>
              <Row label={t('assets.fields.custodian')}>{asset.custodian?.name ?? '—'}</Row>
              <Row label={t('assets.fields.orgUnit')}>{asset.orgUnit?.name ?? '—'}</Row>
              <Row label={t('assets.fields.location')}>{asset.location?.name ?? '—'}</Row>
              <Row label={t('assets.fields.classification')}>
                {asset.classification?.name[lang] ?? '—'}
              </Row>
              <Row label={t('assets.fields.confidentiality')}>{cia(asset.confidentiality)}</Row>
              <Row label={t('assets.fields.integrity')}>{cia(asset.integrity)}</Row>
              <Row label={t('assets.fields.availability')}>{cia(asset.availability)}</Row>
              <Row label={t('assets.fields.value')}>{cia(asset.value)}</Row>
              <Row label={t('assets.fields.businessProcess')}>{asset.businessProcess || '—'}</Row>
              <Row label={t('assets.fields.status')}>{t(`assets.statuses.${asset.status}`)}</Row>
              <Row label={t('assets.fields.nextReviewDate')}>
                {asset.nextReviewDate ? format.date(asset.nextReviewDate) : '—'}
              </Row>
              <Row label={t('assets.fields.tags')}>{asset.tags.join(', ') || '—'}</Row>
            </Table.Tbody>
          </Table>
          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('assets.detail.dependencies')}
            </Title>
            <DependenciesEditor asset={asset} editable={!!onEdit} />
          </Stack>
          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('assets.detail.history')}
            </Title>
            {history.isPending ? (
              <LoadingRows rows={2} />
            ) : (history.data?.items.length ?? 0) > 0 ? (
              <List size="sm">
                {history.data?.items.map((event) => (
                  <List.Item key={event.seq}>
                    {format.dateTime(event.occurredAt)} — {event.actorName}: {event.action}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text fz="sm" c="dimmed">
                {t('assets.detail.noHistory')}
              </Text>
            )}
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
