import { Alert, Code, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { unplacedText, type ProblemFields } from '../lib/problemFields';

const LISTED = 12;

/**
 * A refused request in full: the problem's title, its detail, and each
 * field error with the place it points at (a JSON path in an imported file,
 * an item of a list), so the user can find and fix it. A form passes its
 * `fields` (see problemFields): errors it shows beside its inputs are left
 * out here and the rest are named by the field's label, not a raw path.
 */
export function ProblemDetails({
  error,
  title,
  fields,
}: {
  error: unknown;
  title?: string;
  fields?: ProblemFields;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const problemTitle =
    isApiError(error) || error instanceof Error ? error.message : t('common.failed');
  const detail = isApiError(error) ? error.detail : undefined;
  const errors = !isApiError(error)
    ? []
    : fields
      ? fields.unplaced.map((e) => ({ field: undefined, message: unplacedText(e) }))
      : error.errors;
  return (
    <Alert
      variant="light"
      color="red"
      icon={<IconAlertCircle size={18} aria-hidden="true" />}
      title={title ?? problemTitle}
      role="alert"
      styles={{ message: { overflowWrap: 'anywhere' } }}
    >
      {title && <Text fz="sm">{problemTitle}</Text>}
      {detail && <Text fz="sm">{detail}</Text>}
      {errors.length > 0 && (
        <List
          size="sm"
          spacing={4}
          mt={title || detail ? 'xs' : 0}
          aria-label={t('problem.errors')}
        >
          {errors.slice(0, LISTED).map((e, i) => (
            <List.Item key={`${e.field ?? ''}-${i}`}>
              {e.field !== undefined && (
                <Code fz="xs" mr={6}>
                  {e.field}
                </Code>
              )}
              {e.message}
            </List.Item>
          ))}
          {errors.length > LISTED && (
            <List.Item>{t('problem.more', { count: errors.length - LISTED })}</List.Item>
          )}
        </List>
      )}
    </Alert>
  );
}
