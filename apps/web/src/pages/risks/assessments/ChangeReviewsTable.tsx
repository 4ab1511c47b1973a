import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import type { RiskChangeReview } from '../api/change-reviews';

/** The reviews, newest first; the one named in the address is marked and scrolled to. */
export function ChangeReviewsTable({
  reviews,
  highlight,
  onEdit,
}: {
  reviews: readonly RiskChangeReview[];
  highlight: string | null;
  onEdit: ((review: RiskChangeReview) => void) | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const marked = useRef<HTMLTableRowElement>(null);
  const found = reviews.some((r) => r.id === highlight);
  useEffect(() => {
    // jsdom has no scrollIntoView; browsers do.
    if (found) marked.current?.scrollIntoView?.({ block: 'center' });
  }, [found, highlight]);

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('riskChanges.title')}>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>{t('riskChanges.fields.reviewedOn')}</Table.Th>
            <Table.Th>{t('riskChanges.fields.kind')}</Table.Th>
            <Table.Th>{t('riskChanges.fields.outcome')}</Table.Th>
            <Table.Th>{t('riskChanges.fields.description')}</Table.Th>
            <Table.Th>{t('riskChanges.fields.assessment')}</Table.Th>
            <Table.Th>{t('riskChanges.fields.decidedBy')}</Table.Th>
            {onEdit && <Table.Th aria-label={t('common.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reviews.map((r) => {
            const current = r.id === highlight;
            return (
              <Table.Tr
                key={r.id}
                ref={current ? marked : undefined}
                bg={current ? 'yellow.0' : undefined}
                aria-current={current ? 'true' : undefined}
              >
                <Table.Td fz="sm">{format.date(r.reviewedOn)}</Table.Td>
                <Table.Td fz="sm">{t(`riskChanges.kinds.${r.kind}`)}</Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    tt="none"
                    color={r.outcome === 'changed' ? 'blue' : 'gray'}
                  >
                    {t(`riskChanges.outcomes.${r.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td fz="sm" maw={380}>
                  <Text fz="sm" lineClamp={3}>
                    {r.description}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">
                  {r.assessmentId ? (
                    <Anchor
                      component={Link}
                      to={`/risks/assessments?run=${r.assessmentId}`}
                      fz="sm"
                    >
                      {t('riskChanges.assessmentLabel', { number: r.assessmentNumber })}
                    </Anchor>
                  ) : (
                    <Text
                      fz="sm"
                      c={r.outcome === 'changed' ? 'orange.8' : 'dimmed'}
                      component="span"
                    >
                      {t('riskChanges.noAssessment')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fz="sm">{r.decidedByName ?? '—'}</Table.Td>
                {onEdit && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => onEdit(r)}
                      aria-label={`${t('riskChanges.edit')}: ${t(`riskChanges.kinds.${r.kind}`)} ${format.date(r.reviewedOn)}`}
                    >
                      {t('riskChanges.edit')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
