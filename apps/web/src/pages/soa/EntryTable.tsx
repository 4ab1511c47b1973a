import { Badge, Checkbox, Group, Loader, Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn, useCatalogLanguage } from '../../lib/catalogText';
import type { SoaEntry } from './api';
import { controlIdIn, groupIdIn } from '../../lib/displayId';
import { useProgressiveCount } from '../../lib/useProgressiveCount';

/** Rows rendered before the first paint, then per step: the first objectives show at once. */
const FIRST_ROWS = 20;
const STEP_ROWS = 30;
/** A control row's height at verticalSpacing="xs", so the rows still to come keep their space. */
const ROW_HEIGHT_PX = 41;

export type EntryFilter = 'all' | 'undecided' | 'excluded' | 'not_implemented';

/** The workspace filters; the whole statement is loaded anyway (≤ the catalog's controls). */
export function matches(entry: SoaEntry, filter: EntryFilter) {
  switch (filter) {
    case 'undecided':
      return entry.applicable === null;
    case 'excluded':
      return entry.applicable === false;
    case 'not_implemented':
      return entry.applicable === true && entry.implementationStatus !== 'implemented';
    default:
      return true;
  }
}

export function DecisionBadge({ entry }: { entry: SoaEntry }) {
  const { t } = useTranslation();
  const [color, label] =
    entry.applicable === null
      ? ['orange', t('soa.decision.undecided')]
      : entry.applicable
        ? ['teal', t('soa.decision.applicable')]
        : ['gray', t('soa.decision.excluded')];
  return (
    <Badge color={color} variant="light" tt="none">
      {label}
      {entry.proposed ? ` · ${t('soa.decision.proposed')}` : ''}
    </Badge>
  );
}

interface Group {
  key: string;
  label: string;
  entries: SoaEntry[];
}

/** Entries grouped by objective (管理目的), with the domain heading where it changes. */
function groupsOf(entries: SoaEntry[], lang: string) {
  const groups: (Group & { domain: string; firstOfDomain: boolean })[] = [];
  for (const e of entries) {
    const key = e.objectiveId ?? e.domainId ?? '';
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.entries.push(e);
    else {
      const domain = [groupIdIn(e.domainId, e.domainDisplayId, lang), textIn(e.domainTitle, lang)]
        .filter(Boolean)
        .join(' ');
      groups.push({
        key,
        firstOfDomain: groups[groups.length - 1]?.domain !== domain,
        label: [
          groupIdIn(e.objectiveId, e.objectiveDisplayId, lang),
          textIn(e.objectiveTitle, lang),
        ]
          .filter(Boolean)
          .join(' '),
        domain,
        entries: [e],
      });
    }
  }
  return groups;
}

/** The controls grouped by domain and objective, with selection for bulk decisions. */
export function EntryTable({
  entries,
  selected,
  onSelect,
  onOpen,
  selectable,
}: {
  entries: SoaEntry[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  onOpen: (controlId: string) => void;
  selectable: boolean;
}) {
  const { t } = useTranslation();
  const lang = useCatalogLanguage();
  const rendered = useProgressiveCount(entries.length, FIRST_ROWS, STEP_ROWS);
  const groups = groupsOf(entries.slice(0, rendered), lang);
  const pending = entries.length - rendered;
  const columns = selectable ? 4 : 3;
  return (
    <Table verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          {selectable && (
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('soa.bulk.selectAll')}
                checked={entries.length > 0 && entries.every((e) => selected.has(e.controlId))}
                onChange={(event) =>
                  onSelect(
                    entries.map((e) => e.controlId),
                    event.currentTarget.checked,
                  )
                }
              />
            </Table.Th>
          )}
          <Table.Th>{t('soa.columns.control')}</Table.Th>
          <Table.Th w={220}>{t('soa.columns.decision')}</Table.Th>
          <Table.Th w={160}>{t('soa.columns.implementation')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => {
          const ids = group.entries.map((e) => e.controlId);
          const all = ids.every((id) => selected.has(id));
          const showDomain = group.firstOfDomain;
          return (
            <Fragment key={group.key}>
              {showDomain && (
                <Table.Tr bg="var(--mantine-color-gray-1)">
                  <Table.Td colSpan={columns}>
                    <Text fw={700}>{group.domain}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              <Table.Tr bg="var(--mantine-color-gray-0)">
                {selectable && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('soa.bulk.selectGroup', { group: group.label })}
                      checked={all}
                      indeterminate={!all && ids.some((id) => selected.has(id))}
                      onChange={() => onSelect(ids, !all)}
                    />
                  </Table.Td>
                )}
                <Table.Td colSpan={columns - (selectable ? 1 : 0)}>
                  <Text fw={600} fz="sm">
                    {group.label}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {group.entries.map((e) => (
                <Table.Tr key={e.controlId} data-control={e.controlId}>
                  {selectable && (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('soa.columns.select', { control: controlIdIn(e, lang) })}
                        checked={selected.has(e.controlId)}
                        onChange={(event) => onSelect([e.controlId], event.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <UnstyledButton onClick={() => onOpen(e.controlId)}>
                      <Text fz="sm" c="blue.8">
                        <Text span fw={600} mr={6}>
                          {controlIdIn(e, lang)}
                        </Text>
                        {textIn(e.title, lang)}
                      </Text>
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    <DecisionBadge entry={e} />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">
                      {e.applicable === false
                        ? '—'
                        : t(`soa.implementation.${e.implementationStatus}`)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          );
        })}
        {pending > 0 && (
          // Holds the height of the rows still to come, so the page does not jump as they arrive.
          <Table.Tr h={pending * ROW_HEIGHT_PX} style={{ verticalAlign: 'top' }}>
            <Table.Td colSpan={columns}>
              <Group gap="xs" role="status" aria-live="polite">
                <Loader size="xs" aria-hidden="true" />
                <Text fz="sm" c="dimmed">
                  {t('soa.loadingMore', { shown: rendered, total: entries.length })}
                </Text>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
