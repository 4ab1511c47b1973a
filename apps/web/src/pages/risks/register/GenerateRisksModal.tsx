import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Progress,
  Radio,
  Stack,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetCategorySchema, type AssetListItem } from '@mamoru/contracts';
import { api } from '../../../api/client';
import { queryString, type ListPage } from '../../../api/types';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { problemFields } from '../../../lib/problemFields';
import { useGenerateRisks, useRiskJob, type RiskGenerateRequest } from '../api/register';

type Category = RiskGenerateRequest['categories'] extends (infer C)[] | undefined ? C : never;

/** Assets matching what the user types, for picking a few by name. */
function useAssetOptions(q: string) {
  return useQuery({
    queryKey: ['assets', 'pick', q],
    queryFn: ({ signal }) =>
      api.get<ListPage<AssetListItem>>(
        `/api/v1/assets${queryString({ q, status: 'in_use', limit: 50 })}`,
        {
          signal,
        },
      ),
    staleTime: 30_000,
  });
}

/**
 * Bulk generation: every asset (or the chosen ones) × the threats that apply
 * to its category. The server does it set-based; large runs report progress.
 */
export function GenerateRisksModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const generate = useGenerateRisks();
  const job = useRiskJob(generate.data ?? null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [assetIds, setAssetIds] = useState<string[]>([]);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const assets = useAssetOptions(q);
  const [pairing, setPairing] = useState<'per_threat' | 'per_vulnerability'>('per_threat');
  const [ownerFromAsset, setOwnerFromAsset] = useState(true);
  const current = job.data ?? generate.data;
  // `assetIds.3` shows at the asset picker, `categories.0` at the categories.
  const problem = problemFields(
    generate.error,
    {
      assetIds: t('risks.generate.assets'),
      categories: t('risks.generate.categories'),
      pairing: t('risks.generate.pairing'),
      ownerFromAsset: t('risks.generate.ownerFromAsset'),
    },
    ['assetIds', 'assetIds.*', 'categories', 'categories.*', 'pairing', 'ownerFromAsset'],
  );
  const busy = generate.isPending || current?.status === 'queued' || current?.status === 'running';
  const done = current?.status === 'succeeded';
  const failed = current?.status === 'failed';
  const percent =
    current?.total && current.total > 0
      ? Math.round((current.processed / current.total) * 100)
      : null;

  const options = [
    ...assetIds
      .filter((id) => !(assets.data?.items ?? []).some((a) => a.id === id))
      .map((id) => ({ value: id, label: picked[id] ?? id })),
    ...(assets.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` })),
  ];

  return (
    <Modal opened onClose={onClose} size="lg" title={t('risks.generate.title')}>
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {t('risks.generate.intro')}
        </Text>
        {generate.error ? <ProblemDetails error={generate.error} fields={problem} /> : null}
        <MultiSelect
          label={t('risks.generate.assets')}
          description={t('risks.generate.assetsHint')}
          placeholder={t('risks.generate.allAssets')}
          error={problem.error('assetIds')}
          data={options}
          value={assetIds}
          onChange={(ids) => {
            setAssetIds(ids);
            setPicked((p) => ({
              ...p,
              ...Object.fromEntries(
                options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label]),
              ),
            }));
          }}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          disabled={busy || done}
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t('risks.generate.categories')}
          placeholder={t('risks.generate.allCategories')}
          error={problem.error('categories')}
          data={assetCategorySchema.options.map((value) => ({
            value,
            label: t(`assets.categories.${value}`),
          }))}
          value={categories}
          onChange={(value) => setCategories(value as Category[])}
          disabled={busy || done}
          comboboxProps={{ withinPortal: true }}
        />
        <Radio.Group
          label={t('risks.generate.pairing')}
          value={pairing}
          error={problem.error('pairing')}
          onChange={(value) => setPairing(value as typeof pairing)}
        >
          <Stack gap="xs" mt={6}>
            <Radio
              value="per_threat"
              label={t('risks.generate.perThreat')}
              description={t('risks.generate.perThreatHint')}
              disabled={busy || done}
            />
            <Radio
              value="per_vulnerability"
              label={t('risks.generate.perVulnerability')}
              description={t('risks.generate.perVulnerabilityHint')}
              disabled={busy || done}
            />
          </Stack>
        </Radio.Group>
        <Checkbox
          label={t('risks.generate.ownerFromAsset')}
          checked={ownerFromAsset}
          error={problem.error('ownerFromAsset')}
          onChange={(e) => setOwnerFromAsset(e.currentTarget.checked)}
          disabled={busy || done}
        />
        {current && (busy || done) && (
          <Stack gap={4} role="status" aria-live="polite">
            <Text fz="sm">
              {done
                ? t('risks.generate.done', {
                    created: current.result?.created ?? 0,
                    assets: current.result?.assets ?? 0,
                  })
                : current.phase === 'waiting'
                  ? t('risks.generate.waiting')
                  : t('risks.generate.progress', {
                      processed: current.processed,
                      total: current.total ?? '…',
                    })}
            </Text>
            <Progress
              value={done ? 100 : (percent ?? 100)}
              animated={!done}
              color={done ? 'teal' : 'blue'}
              aria-label={t('risks.generate.progressLabel')}
            />
          </Stack>
        )}
        {done && (
          <Alert color="teal" icon={<IconCircleCheck size={18} aria-hidden="true" />}>
            {t('risks.generate.doneHint')}
          </Alert>
        )}
        {failed && (
          <Alert color="red" role="alert" title={t('risks.generate.failed')}>
            {current?.error?.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {done ? t('common.close') : t('common.cancel')}
          </Button>
          {!done && (
            <Button
              loading={busy}
              onClick={() =>
                generate.mutate({
                  ...(assetIds.length ? { assetIds } : {}),
                  ...(categories.length ? { categories } : {}),
                  pairing,
                  ownerFromAsset,
                })
              }
            >
              {t('risks.generate.start')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
