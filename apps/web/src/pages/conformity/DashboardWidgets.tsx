import {
  Anchor,
  Badge,
  Card,
  Group,
  Progress,
  RingProgress,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCalendarDue, IconCircleCheck, IconTargetArrow } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { displayIdIn } from '@mamoru/contracts';
import { Link } from 'react-router';
import type { PdcaPhase } from '@mamoru/contracts';
import { localized, type ConformityItem, type ConformityReport } from '../../api/conformity';
import { GuidanceLink } from './GuidanceSection';
import { StatusBadge, STATUSES, statusColor } from './StatusBadge';

const card = { withBorder: true, radius: 'lg', padding: 'lg', shadow: 'xs' } as const;

/**
 * Gaps to close first: partly met (one fix away), then not met, then not yet
 * evidenced, each in the order of the standard (as the engine's topGaps).
 */
export function topGaps(items: readonly ConformityItem[], limit = 5) {
  return [
    ...items.filter((i) => i.status === 'partly_met'),
    ...items.filter((i) => i.status === 'not_met'),
    ...items.filter((i) => i.status === 'not_evidenced'),
  ].slice(0, limit);
}

/** The readiness figure (share of items met) and the counts by status. */
export function ReadinessCard({ report }: { report: ConformityReport }) {
  const { t } = useTranslation();
  const { summary } = report;
  return (
    <Card {...card} component="section" aria-labelledby="dashboard-readiness">
      <Group gap="lg" wrap="nowrap" align="center">
        <RingProgress
          size={120}
          thickness={12}
          roundCaps
          sections={[{ value: summary.readiness, color: 'green' }]}
          label={
            <Text ta="center" fw={700} fz="xl" data-testid="readiness">
              {summary.readiness}%
            </Text>
          }
        />
        <Stack gap={6} style={{ flex: 1 }}>
          <Title order={2} fz="lg" id="dashboard-readiness">
            {t('conformity.dashboard.readiness')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('conformity.dashboard.readinessHint', {
              met: summary.counts.met,
              total: summary.total,
            })}
          </Text>
          <Group gap="xs">
            {STATUSES.map((status) => (
              <Anchor
                key={status}
                component={Link}
                to={`/conformity?status=${status}`}
                underline="never"
                aria-label={t('conformity.dashboard.countLink', {
                  count: summary.counts[status],
                  status: t(`conformity.status.${status}`),
                })}
              >
                <Badge color={statusColor[status]} variant="light" data-testid={`count-${status}`}>
                  {t(`conformity.status.${status}`)} {summary.counts[status]}
                </Badge>
              </Anchor>
            ))}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

/** Progress of one PDCA phase: items met out of the phase's items. */
export function PhaseProgress({ report, phase }: { report: ConformityReport; phase: PdcaPhase }) {
  const { t } = useTranslation();
  const p = report.summary.phases.find((x) => x.phase === phase);
  if (!p) return null;
  const share = (n: number) => (p.total ? (n * 100) / p.total : 0);
  return (
    <Stack gap={4} mb="sm">
      <Progress.Root size="md" aria-hidden="true">
        <Progress.Section value={share(p.counts.met)} color="green" />
        <Progress.Section value={share(p.counts.partly_met)} color="yellow" />
        <Progress.Section value={share(p.counts.not_met)} color="red" />
      </Progress.Root>
      <Text fz="xs" c="dimmed" data-testid={`phase-progress-${phase}`}>
        {t('conformity.dashboard.phaseProgress', { met: p.counts.met, total: p.total })}
      </Text>
    </Stack>
  );
}

/** The first gaps to close, each with the link to what is at fault. */
export function TopGapsCard({ report }: { report: ConformityReport }) {
  const { t, i18n } = useTranslation();
  const gaps = topGaps(report.items);
  return (
    <Card {...card} component="section" aria-labelledby="dashboard-gaps">
      <Group gap="md" wrap="nowrap" mb="sm">
        <ThemeIcon size={44} radius="md" variant="light" color="red">
          <IconTargetArrow size={24} stroke={1.6} aria-hidden="true" />
        </ThemeIcon>
        <Title order={2} fz="lg" id="dashboard-gaps">
          {t('conformity.dashboard.gaps')}
        </Title>
        {report.summary.gaps > 0 && (
          <Badge color="red" variant="light" data-testid="gap-count">
            {t('conformity.dashboard.gapCount', { count: report.summary.gaps })}
          </Badge>
        )}
      </Group>
      {gaps.length === 0 ? (
        <Group gap="xs">
          <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden="true" />
          <Text fz="sm">{t('conformity.dashboard.noGaps')}</Text>
        </Group>
      ) : (
        <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {gaps.map((item) => (
            <Stack gap={4} key={item.id} component="li" data-testid={`gap-${item.id}`}>
              <Group gap="xs" wrap="nowrap">
                <StatusBadge status={item.status} />
                <Anchor component={Link} to={`/conformity?item=${item.id}`} fw={600} fz="sm">
                  {displayIdIn(item, i18n.language)} {localized(item.title, i18n.language)}
                </Anchor>
              </Group>
              {item.status === 'not_evidenced' ? (
                // Nothing evaluated yet: say how to meet it and where, not "no data".
                <>
                  <Text fz="sm" c="dimmed">
                    {localized(item.guidance.text, i18n.language)}
                  </Text>
                  <GuidanceLink guidance={item.guidance} />
                </>
              ) : (
                <>
                  <Text fz="sm" c="dimmed">
                    {localized(item.explanation, i18n.language)}
                  </Text>
                  <Group gap="md">
                    {item.links
                      .filter((l) => l.kind === 'gap')
                      .map((l) => (
                        <Anchor key={l.href} component={Link} to={l.href} fz="sm">
                          {localized(l.label, i18n.language)}
                        </Anchor>
                      ))}
                  </Group>
                </>
              )}
            </Stack>
          ))}
        </Stack>
      )}
      <Anchor component={Link} to="/conformity" fz="sm" mt="md" display="inline-block">
        {t('conformity.dashboard.openView')}
      </Anchor>
    </Card>
  );
}

/** Work with a date: approvals waiting for me, reviews, treatment actions, training and competences due. */
export function DueCard({ report }: { report: ConformityReport }) {
  const { t } = useTranslation();
  return (
    <Card {...card} component="section" aria-labelledby="dashboard-due">
      <Group gap="md" wrap="nowrap" mb="sm">
        <ThemeIcon size={44} radius="md" variant="light" color="violet">
          <IconCalendarDue size={24} stroke={1.6} aria-hidden="true" />
        </ThemeIcon>
        <Title order={2} fz="lg" id="dashboard-due">
          {t('conformity.dashboard.due')}
        </Title>
      </Group>
      <SimpleGrid cols={1} spacing="xs">
        {report.due.map((d) => (
          <Group key={d.kind} justify="space-between" wrap="nowrap" data-testid={`due-${d.kind}`}>
            <Anchor component={Link} to={d.href} fz="sm">
              {t(`conformity.due.${d.kind}`, { count: d.count })}
            </Anchor>
            {d.overdue > 0 && (
              <Badge color="red" variant="light">
                {t('conformity.due.overdue', { count: d.overdue })}
              </Badge>
            )}
          </Group>
        ))}
      </SimpleGrid>
    </Card>
  );
}
