import { Badge, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { KindStatus } from './changeStatus';

const COLOR = { met: 'teal', partly_met: 'orange', not_met: 'red' } as const;

/**
 * One tile per kind of change (4.2.3.c.1–5): when it was last reviewed within
 * the 12 months and with what outcome, or that it is missing — what the
 * conformity view will say about it.
 */
export function ChangeStatusStrip({ status }: { status: KindStatus[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={6} component="section" aria-labelledby="change-strip">
      <Text fz="sm" fw={600} id="change-strip" component="h3" m={0}>
        {t('riskChanges.strip.title')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="xs">
        {status.map((s) => (
          <Card
            key={s.kind}
            withBorder
            radius="md"
            padding="sm"
            data-testid={`change-kind-${s.kind}`}
            aria-label={`${t(`riskChanges.kinds.${s.kind}`)}: ${t(`riskChanges.strip.${s.verdict}`)}`}
          >
            <Stack gap={4}>
              <Text fz="sm" fw={600}>
                {t(`riskChanges.kinds.${s.kind}`)}
              </Text>
              <Badge color={COLOR[s.verdict]} variant="light" tt="none" w="fit-content">
                {t(`riskChanges.strip.${s.verdict}`)}
              </Badge>
              <Text fz="xs" c="dimmed">
                {s.latest
                  ? t('riskChanges.strip.reviewed', {
                      date: format.date(s.latest.reviewedOn),
                      outcome: t(`riskChanges.outcomes.${s.latest.outcome}`),
                    })
                  : t('riskChanges.strip.missing')}
              </Text>
              {s.unlinked.length > 0 && (
                <Text fz="xs" c="orange.8">
                  {t('riskChanges.strip.unlinked', { count: s.unlinked.length })}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
