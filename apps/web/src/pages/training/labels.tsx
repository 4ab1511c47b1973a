import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompletionStatus } from '../../api/training';

const STATUS_COLOR: Record<CompletionStatus, string> = {
  completed: 'green',
  due_soon: 'yellow',
  overdue: 'red',
  failed: 'red',
  awaiting_evaluation: 'blue',
  not_started: 'gray',
};

/** Where a person stands on one course, as a coloured badge. */
export function CompletionBadge({ status }: { status: CompletionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`training.completion.${status}`)}
    </Badge>
  );
}

/**
 * The text to show of a field kept in Japanese and English: English when the
 * page is in English and the English text was written, otherwise the Japanese.
 */
export function useBilingual() {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  return (ja: string, en: string | null | undefined) => (english && en ? en : ja);
}

export const today = () => new Date().toISOString().slice(0, 10);
