import { Anchor, Badge, Box, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AREAS, phaseColor, type Phase } from '../../navigation';
import type { DueItem } from './api';

/** The PDCA phase of an item's area; approvals run across the ISMS (no phase). */
export function phaseOf(area: string): Phase | null {
  return AREAS.find((a) => a.key === area)?.phase ?? null;
}

export function colorOf(area: string) {
  const phase = phaseOf(area);
  return phase ? phaseColor[phase] : 'gray';
}

export function useAreaLabel() {
  const { t } = useTranslation();
  return (area: string) =>
    area === 'approvals'
      ? t('calendar.approvals')
      : t(`areas.${area}.title` as 'areas.documents.title');
}

/** The item's title, translated where it is one of our codes rather than user data. */
export function useItemTitle() {
  const { t } = useTranslation();
  return (item: DueItem) =>
    item.kind === 'risk_review'
      ? t(`calendar.changeKinds.${item.title}` as 'calendar.changeKinds.organization')
      : item.title;
}

/** One item as a link to the page where it is done, overdue ones marked. */
export function ItemLink({
  item,
  today,
  compact,
}: {
  item: DueItem;
  today: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const title = useItemTitle();
  const overdue = item.dueOn < today;
  const kind = t(`calendar.kinds.${item.kind}`);
  const label = item.event ? `${kind} (${t('calendar.event')})` : kind;
  const who = item.responsibleName ?? t('calendar.noOne');
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      {compact ? (
        <Box
          w={8}
          h={8}
          mt={5}
          bg={`${colorOf(item.area)}.6`}
          style={{ borderRadius: item.event ? 0 : 8, flex: 'none' }}
          aria-hidden="true"
        />
      ) : (
        <Badge size="xs" variant={item.event ? 'filled' : 'light'} color={colorOf(item.area)}>
          {kind}
        </Badge>
      )}
      <Tooltip label={`${label} · ${item.dueOn} · ${who}`} withinPortal>
        <Anchor
          component={Link}
          to={item.href}
          fz="xs"
          c={overdue ? 'red' : undefined}
          lineClamp={compact ? 1 : 2}
        >
          {title(item)}
          {overdue && (
            <Text span fz="xs" c="red" fw={600}>
              {` (${t('calendar.overdue')})`}
            </Text>
          )}
        </Anchor>
      </Tooltip>
    </Group>
  );
}
