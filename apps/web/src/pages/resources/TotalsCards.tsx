import { Card, SimpleGrid, Text } from '@mantine/core';
import type { ResourceSummary } from './api';
import { useResourcesT } from './format';

/** The year's planned and used money and hours, and the treatment actions' budget beside them. */
export function TotalsCards({ summary }: { summary: ResourceSummary }) {
  const { tr, yen, hours, list } = useResourcesT();
  const { total, treatment } = summary;
  const cards = [
    { key: 'plannedAmount', value: yen(total.plannedAmount) },
    { key: 'usedAmount', value: yen(total.usedAmount) },
    { key: 'plannedHours', value: hours(total.plannedHours) },
    { key: 'usedHours', value: hours(total.usedHours) },
    {
      key: 'treatmentBudget',
      value: yen(treatment.budget),
      note: tr('totals.treatmentCount', { count: treatment.actions }),
    },
  ];
  return (
    <section aria-label={tr('totals.label')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
        {cards.map((card) => (
          <Card key={card.key} withBorder radius="lg" padding="md">
            <Text fz="sm" c="dimmed" id={`resources-total-${card.key}`}>
              {tr(`totals.${card.key}`)}
            </Text>
            <Text
              fz="xl"
              fw={700}
              aria-labelledby={`resources-total-${card.key}`}
              data-testid={`total-${card.key}`}
            >
              {card.value}
            </Text>
            {card.note && (
              <Text fz="xs" c="dimmed">
                {card.note}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {total.items > 0 && (
        <Text fz="sm" c="dimmed" mt="xs">
          {tr('totals.usage', { recorded: total.usageRecorded, items: total.items })}
        </Text>
      )}
      {summary.activitiesWithoutPlan.length > 0 && (
        <Text fz="sm" c="red.9" mt={4}>
          {tr('totals.withoutPlan', {
            activities: list(summary.activitiesWithoutPlan.map((a) => tr(`activities.${a}`))),
          })}
        </Text>
      )}
    </section>
  );
}
