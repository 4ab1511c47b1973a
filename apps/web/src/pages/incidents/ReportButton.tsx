import { Box, Button, Modal } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../../components/QueryStates';
import { AreaStrings } from '../../i18n/lazy-areas';
import { useSession } from '../../session/useSession';

// The form and the area's strings load on the first click, so the shell stays light.
const ReportModal = lazy(() => import('./ReportModal').then((m) => ({ default: m.ReportModal })));

/** "Report an incident" in the header of every page, for anyone with incidents:report. */
export function ReportButton() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  if (!can('incidents:report')) return null;
  const close = () => setOpen(false);
  return (
    <>
      <Button
        variant="light"
        color="red"
        size="xs"
        leftSection={<IconAlertTriangle size={16} aria-hidden="true" />}
        onClick={() => setOpen(true)}
        aria-label={t('incidentsShell.report')}
        aria-haspopup="dialog"
      >
        {/* On a phone the icon alone keeps the header on one line; the name stays for readers.
            Elsewhere the shown text is the name itself (speech input users say what they see). */}
        <Box component="span" visibleFrom="xs">
          {t('incidentsShell.report')}
        </Box>
      </Button>
      {open && (
        <Suspense
          fallback={
            <Modal opened onClose={close} title={t('incidentsShell.report')}>
              <LoadingBlock />
            </Modal>
          }
        >
          <AreaStrings area="incidents">
            <ReportModal onClose={close} />
          </AreaStrings>
        </Suspense>
      )}
    </>
  );
}
