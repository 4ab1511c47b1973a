import { ActionIcon, Alert, Button, Group, List, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dependencyTypeSchema } from '@mamoru/contracts';
import {
  assetsKey,
  useAsset,
  useAssetDependencies,
  useSaveDependencies,
  type AssetDependency,
  type AssetListItem,
} from '../../api/assets';
import { isApiError } from '../../api/client';
import { LoadingRows } from '../../components/QueryStates';
import { ProblemDetails } from '../../components/ProblemDetails';
import { problemFields } from '../../lib/problemFields';
import { AssetPicker } from './AssetPicker';

type DependencyType = AssetDependency['type'];

/**
 * What the asset depends on (editable) and what depends on it (read only:
 * those links belong to the other asset). Each change replaces the links
 * under the asset's current version, so a concurrent edit is refused (412).
 */
export function DependenciesEditor({
  asset,
  editable,
}: {
  asset: AssetListItem;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // The register's copy of the asset is stale after the first change; read it fresh.
  const fresh = useAsset(asset.id);
  const current = fresh.data ?? asset;
  const dependencies = useAssetDependencies(asset.id);
  const save = useSaveDependencies();
  const [type, setType] = useState<DependencyType>('depends_on');
  const [target, setTarget] = useState<string | null>(null);
  const stale = isApiError(save.error) && save.error.status === 412;
  const outgoing = dependencies.data?.outgoing ?? [];
  const incoming = dependencies.data?.incoming ?? [];

  const replace = (items: { type: DependencyType; assetId: string }[], onSuccess?: () => void) =>
    save.mutate({ asset: current, items }, { onSuccess });
  const existing = outgoing.map((d) => ({ type: d.type, assetId: d.asset.id }));
  // The server names a link by its place in the list sent (`items.2.assetId`):
  // the one just added shows at the inputs, the others by relation and asset.
  const [added, setAdded] = useState<number | null>(null);
  const sent = save.variables?.items ?? [];
  const problem = problemFields(
    save.error,
    {
      items: t('assets.detail.dependencies'),
      ...Object.fromEntries(
        sent.map((item, i) => {
          const code = outgoing.find((d) => d.asset.id === item.assetId)?.asset.code;
          const relation = t(`assets.dependencyTypes.${item.type}`);
          return [`items.${i}`, code ? `${relation} ${code}` : relation];
        }),
      ),
    },
    added === null ? [] : [`items.${added}`, `items.${added}.**`],
  );

  if (dependencies.isPending) return <LoadingRows rows={2} />;
  return (
    <Stack gap="xs">
      {stale ? (
        <Alert
          color="orange"
          role="alert"
          icon={<IconAlertTriangle size={18} aria-hidden="true" />}
          title={t('assets.inline.staleTitle')}
        >
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">{t('assets.dependencies.staleBody')}</Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                save.reset();
                void client.invalidateQueries({ queryKey: assetsKey });
              }}
            >
              {t('assets.inline.reload')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        save.error && <ProblemDetails error={save.error} fields={problem} />
      )}
      {outgoing.length + incoming.length === 0 && (
        <Text fz="sm" c="dimmed">
          {t('assets.detail.noDependencies')}
        </Text>
      )}
      <List size="sm" aria-label={t('assets.detail.dependencies')} listStyleType="none">
        {outgoing.map((d, index) => (
          <List.Item key={`o-${d.type}-${d.asset.id}`}>
            <Group gap="xs" wrap="nowrap">
              <Text fz="sm">
                {t(`assets.dependencyTypes.${d.type}`)}: {d.asset.code} {d.asset.name}
              </Text>
              {editable && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={t('assets.dependencies.remove', { code: d.asset.code })}
                  loading={save.isPending}
                  onClick={() => {
                    setAdded(null);
                    replace(existing.filter((_, i) => i !== index));
                  }}
                >
                  <IconTrash size={14} aria-hidden="true" />
                </ActionIcon>
              )}
            </Group>
          </List.Item>
        ))}
        {incoming.map((d) => (
          <List.Item key={`i-${d.type}-${d.asset.id}`}>
            <Text fz="sm" c="dimmed">
              {d.asset.code} {d.asset.name} → {t(`assets.dependencyTypes.${d.type}`)}
            </Text>
          </List.Item>
        ))}
      </List>
      {editable && (
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Select
            label={t('assets.dependencies.type')}
            data={dependencyTypeSchema.options.map((value) => ({
              value,
              label: t(`assets.dependencyTypes.${value}`),
            }))}
            value={type}
            onChange={(v) => v && setType(v as DependencyType)}
            allowDeselect={false}
            w={150}
            error={added === null ? undefined : problem.error(`items.${added}.type`)}
            comboboxProps={{ withinPortal: true, hideDetached: false }}
          />
          <AssetPicker
            label={t('assets.dependencies.target')}
            value={target}
            onChange={setTarget}
            exclude={[asset.id]}
            error={
              added === null
                ? undefined
                : (problem.error(`items.${added}.assetId`) ?? problem.byField[`items.${added}`])
            }
          />
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            disabled={!target || stale}
            loading={save.isPending}
            onClick={() => {
              if (!target) return;
              const items = [
                ...existing.filter((d) => !(d.type === type && d.assetId === target)),
                { type, assetId: target },
              ];
              setAdded(items.length - 1);
              replace(items, () => setTarget(null));
            }}
          >
            {t('assets.dependencies.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
