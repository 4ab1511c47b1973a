import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LIBRARY_ID, useCatalogTree, type CatalogTreeNode } from '../../api/catalog';
import { nodeLabel } from '../../components/catalogPicker/useCatalogOptions';
import { useCatalogLanguage } from '../../lib/catalogText';
import type { Audit } from './api';

/** Every requirement item and control of the catalog by ID, to name the scope's IDs. */
function useCatalogIndex() {
  const tree = useCatalogTree(DEFAULT_LIBRARY_ID);
  return useMemo(() => {
    const map = new Map<string, CatalogTreeNode>();
    const walk = (nodes: readonly CatalogTreeNode[]) => {
      for (const node of nodes) {
        map.set(`${node.kind}:${node.id}`, node);
        walk(node.children);
      }
    };
    walk(tree.data?.requirements ?? []);
    walk(tree.data?.controlGroups ?? []);
    return map;
  }, [tree.data]);
}

function Labelled({ label, values }: { label: string; values: string[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {values.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audits.detail.none')}
        </Text>
      ) : (
        <Group gap={4}>
          {values.map((v) => (
            <Badge key={v} variant="outline" color="gray" tt="none">
              {v}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** The audit's scope: auditees, processes, requirement items and controls in the reader's form. */
export function AuditScope({ audit }: { audit: Audit }) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const index = useCatalogIndex();
  // Before the catalog loads, an ID stays hidden rather than shown raw.
  const named = (kind: 'requirement' | 'control', ids: string[]) =>
    ids.flatMap((id) => {
      const node = index.get(`${kind}:${id}`);
      return node ? [nodeLabel(node, language)] : [];
    });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Labelled
        label={t('audits.fields.auditeeUnits')}
        values={audit.auditeeUnits.map((u) => u.name)}
      />
      <Labelled label={t('audits.fields.processes')} values={audit.scopeProcesses} />
      <Labelled label={t('audits.fields.assets')} values={audit.scopeAssets.map((a) => a.name)} />
      <Labelled
        label={t('audits.fields.documents')}
        values={audit.scopeDocuments.map((d) => d.name)}
      />
      <Labelled
        label={t('audits.fields.requirements')}
        values={named('requirement', audit.requirementIds)}
      />
      <Labelled label={t('audits.fields.controls')} values={named('control', audit.controlIds)} />
    </SimpleGrid>
  );
}
