import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { useCatalogLanguage } from '../../lib/catalogText';
import { useFormat } from '../../lib/format';
import type { ControlDetail } from './api';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The control's entry in the current statement of applicability. */
export function SoaCard({ detail }: { detail: ControlDetail }) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as LooseT;
  const entry = detail.soaEntry;
  return (
    <SectionCard id="control-soa" title={t('controls.detail.soa.title')}>
      {!entry ? (
        <Text fz="sm" c="dimmed">
          {t('controls.detail.soa.notIn')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Group gap={8} wrap="wrap">
            <Badge
              variant="light"
              tt="none"
              color={entry.applicable === null ? 'yellow' : entry.applicable ? 'teal' : 'gray'}
            >
              {entry.applicable === null
                ? t('controls.detail.soa.undecided')
                : entry.applicable
                  ? t('controls.detail.soa.applicable')
                  : t('controls.detail.soa.excluded')}
            </Badge>
            <Text fz="sm">
              {t('controls.detail.soa.implementation')}:{' '}
              {t(`soa.implementation.${entry.implementationStatus}`)}
            </Text>
          </Group>
          <Text fz="xs" c="dimmed">
            {t('controls.detail.soa.version', {
              number: entry.versionNumber,
              status: t(`soa.statuses.${entry.versionStatus}`, {
                defaultValue: entry.versionStatus,
              }),
            })}
          </Text>
          <Anchor
            component={Link}
            to={`/statement-of-applicability?control=${encodeURIComponent(detail.control.id)}`}
            fz="sm"
          >
            {t('controls.detail.soa.open')}
          </Anchor>
        </Stack>
      )}
    </SectionCard>
  );
}

/** Issued procedures and record types naming the control, with their latest records. */
export function CoverageCard({ detail }: { detail: ControlDetail }) {
  const { t } = useTranslation();
  const lang = useCatalogLanguage() === 'ja' ? 'ja' : 'en';
  const format = useFormat();
  const { coverage } = detail;
  return (
    <SectionCard
      id="control-coverage"
      title={t('controls.detail.coverage.title')}
      description={t('controls.detail.coverage.hint')}
    >
      {!coverage.covered && (
        <Alert color="orange" variant="light">
          {t('controls.detail.coverage.missing')}
        </Alert>
      )}
      <Stack gap={4}>
        <Title order={3} fz="sm">
          {t('controls.detail.coverage.procedures')}
        </Title>
        {detail.procedures.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('controls.detail.coverage.noProcedures')}
          </Text>
        ) : (
          <List size="sm" listStyleType="none" spacing={4}>
            {detail.procedures.map((doc) => (
              <List.Item key={doc.id}>
                <Anchor component={Link} to={`/documents/${doc.id}`} fz="sm">
                  {doc.code} {doc.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Stack gap={4}>
        <Title order={3} fz="sm">
          {t('controls.detail.coverage.recordTypes')}
        </Title>
        {detail.recordTypes.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('controls.detail.coverage.noRecordTypes')}
          </Text>
        ) : (
          <List size="sm" listStyleType="none" spacing={6}>
            {detail.recordTypes.map((type) => (
              <List.Item key={type.id}>
                <Text fz="sm" fw={600}>
                  {type.code} {type.name[lang] || type.name.ja}
                </Text>
                {type.latestRecords.length === 0 ? (
                  <Text fz="xs" c="dimmed">
                    {t('controls.detail.coverage.noRecords')}
                  </Text>
                ) : (
                  type.latestRecords.map((record) => (
                    <Group key={record.id} gap={6}>
                      <Anchor component={Link} to={`/records/${record.id}`} fz="xs">
                        {record.title}
                      </Anchor>
                      <Text fz="xs" c="dimmed">
                        {format.date(record.recordDate)}
                      </Text>
                    </Group>
                  ))
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {coverage.reason && (
        <Text fz="sm" c="dimmed">
          {t('controls.detail.coverage.reason', { reason: coverage.reason })}
        </Text>
      )}
    </SectionCard>
  );
}

/** Treatment actions naming the control, and how many risks it treats. */
export function TreatmentCard({ detail }: { detail: ControlDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SectionCard id="control-treatment" title={t('controls.detail.actions.title')}>
      {detail.treatmentActions.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('controls.detail.actions.none')}
        </Text>
      ) : (
        <List size="sm" listStyleType="none" spacing={4}>
          {detail.treatmentActions.map((action) => (
            <List.Item key={action.id}>
              <Group gap={8} wrap="wrap">
                <Text fz="sm">
                  {action.code} {action.title}
                </Text>
                <Badge variant="light" color="gray" tt="none">
                  {t(`risks.plan.statuses.${action.status}`)}
                </Badge>
                {action.dueDate && (
                  <Text fz="xs" c="dimmed">
                    {t('controls.detail.actions.due', { date: format.date(action.dueDate) })}
                  </Text>
                )}
                {action.owner && (
                  <Text fz="xs" c="dimmed">
                    {action.owner.name}
                  </Text>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={Link} to="/treatment-plan" fz="sm">
        {t('controls.detail.actions.plan')}
      </Anchor>
      <Stack gap={4}>
        <Title order={3} fz="sm">
          {t('controls.detail.risks.title')}
        </Title>
        <Text fz="sm">{t('controls.detail.risks.count', { count: detail.risks.count })}</Text>
        {detail.risks.count > 0 && (
          <Button
            component={Link}
            to={`/risks?controlId=${encodeURIComponent(detail.control.id)}`}
            variant="default"
            size="xs"
            w="fit-content"
          >
            {t('controls.detail.risks.open')}
          </Button>
        )}
      </Stack>
    </SectionCard>
  );
}
