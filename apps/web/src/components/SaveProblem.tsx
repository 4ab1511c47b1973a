import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client';
import type { ProblemFields } from '../lib/problemFields';
import { ProblemDetails } from './ProblemDetails';

/** Whether a save was refused because someone else saved first (412 on If-Match). */
export function isStale(error: unknown): boolean {
  return isApiError(error) && error.status === 412;
}

/**
 * Says the item changed since it was read, so the save was not made; what
 * the user typed stays in the form.
 */
export function StaleAlert({
  title,
  icon = <IconAlertTriangle size={18} aria-hidden="true" />,
  children,
}: {
  title: string;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Alert color="orange" variant="light" icon={icon} title={title} role="alert">
      {children}
    </Alert>
  );
}

/**
 * Why a form's save failed: the stale notice for a 412, otherwise the
 * problem in full; nothing while there is no error.
 */
export function SaveProblem({
  error,
  staleTitle,
  staleBody,
  fields,
}: {
  error: unknown;
  staleTitle: string;
  staleBody: ReactNode;
  /** The form's mapping of field errors (problemFields), so only unplaced ones are listed. */
  fields?: ProblemFields;
}) {
  if (isStale(error)) return <StaleAlert title={staleTitle}>{staleBody}</StaleAlert>;
  return <ProblemDetails error={error} {...(fields ? { fields } : {})} />;
}
