import { Badge, Group, Text } from '@mantine/core';
import type { CheckResult, ControlCoverage, ControlOperationStatus } from '@mamoru/contracts';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<ControlOperationStatus, string> = {
  not_started: 'gray',
  in_operation: 'teal',
  partly: 'yellow',
  suspended: 'red',
};

/** The control's operation status; "not recorded" when it has none yet. */
export function OperationBadge({ status }: { status: ControlOperationStatus | null }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" tt="none" color={status ? STATUS_COLOR[status] : 'orange'}>
      {t(`controls.status.${status ?? 'unset'}`)}
    </Badge>
  );
}

const RESULT_COLOR: Record<CheckResult, string> = {
  effective: 'teal',
  partly_effective: 'yellow',
  not_effective: 'red',
};

export function ResultBadge({ result }: { result: CheckResult }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" tt="none" color={RESULT_COLOR[result]}>
      {t(`controls.result.${result}`)}
    </Badge>
  );
}

/** How many procedures and record types evidence the control, or the reason given. */
export function CoverageCell({ coverage }: { coverage: ControlCoverage }) {
  const { t } = useTranslation();
  const counted = coverage.procedures + coverage.recordTypes > 0;
  return (
    <Group gap={6} wrap="nowrap">
      {counted ? (
        <Text fz="sm">
          {t('controls.coverage.counts', {
            procedures: coverage.procedures,
            recordTypes: coverage.recordTypes,
          })}
        </Text>
      ) : coverage.reason ? (
        <Badge variant="light" color="gray" tt="none" title={coverage.reason}>
          {t('controls.coverage.reason')}
        </Badge>
      ) : (
        <Badge variant="light" color="orange" tt="none">
          {t('controls.coverage.missing')}
        </Badge>
      )}
    </Group>
  );
}
