import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconArrowLeft, IconShieldCog } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { textIn, useCatalogLanguage } from '../../lib/catalogText';
import { controlIdIn } from '../../lib/displayId';
import { useControlDetail } from './api';
import { OperationBadge } from './badges';
import { ChecksCard } from './ChecksCard';
import { CoverageCard, SoaCard, TreatmentCard } from './LinkedCards';
import { OperationCard } from './OperationCard';
import { ResultsCard } from './ResultsCard';

const back = (label: string) => (
  <Button
    component={Link}
    to="/controls"
    variant="default"
    leftSection={<IconArrowLeft size={16} aria-hidden="true" />}
  >
    {label}
  </Button>
);

/**
 * One applicable control in operation (4.2.2.c, 4.2.3.b): its operation, its
 * checks and their results beside its SoA entry, the procedures and records
 * that evidence it, and the treatment actions and risks it serves.
 */
export function ControlOperationPage() {
  const { t } = useTranslation();
  const lang = useCatalogLanguage();
  const { controlId = '' } = useParams();
  const detail = useControlDetail(controlId);

  if (detail.isPending) return <LoadingRows rows={6} label={t('controls.detail.loading')} />;
  if (detail.isError) {
    const missing = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Stack gap="lg">
        <PageHeader title={t('controls.detail.notFound')} />
        {missing ? (
          <EmptyBlock
            icon={<IconShieldCog size={28} aria-hidden="true" />}
            title={t('controls.detail.notFoundHint', { id: controlId })}
            action={back(t('controls.detail.back'))}
          />
        ) : (
          <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </Stack>
    );
  }
  const { control, operation } = detail.data;
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        eyebrow={
          <Group gap="xs">
            <span>{t('controls.detail.eyebrow')}</span>
            <OperationBadge status={operation?.status ?? null} />
          </Group>
        }
        title={`${controlIdIn({ controlId: control.id, displayId: control.displayId }, lang)} ${textIn(control.title, lang)}`}
        icon={<IconShieldCog size={32} aria-hidden="true" />}
        actions={back(t('controls.detail.back'))}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <OperationCard detail={detail.data} />
        <SoaCard detail={detail.data} />
      </SimpleGrid>
      <ChecksCard detail={detail.data} />
      <ResultsCard detail={detail.data} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <CoverageCard detail={detail.data} />
        <TreatmentCard detail={detail.data} />
      </SimpleGrid>
    </Stack>
  );
}
