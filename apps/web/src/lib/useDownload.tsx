import { Notification, Portal, Progress, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../components/Toasts';
import { DownloadError, fetchDownload, saveBlob, type DownloadProgress } from './download';

type State = { phase: 'idle' } | { phase: 'running'; progress: DownloadProgress | null };

/**
 * One export at a time, fetched by the page instead of a bare link so the
 * person sees it being prepared and downloaded, and reads a refusal (busy,
 * forbidden) in their language instead of a saved error page.
 *
 * `link(url)` gives an anchor's props: the real `href` stays (open in a new
 * tab, copy the address) while a plain click runs through the page.
 */
export function useDownload() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback(
    async (url: string) => {
      if (running.current) return;
      const controller = new AbortController();
      running.current = controller;
      setState({ phase: 'running', progress: null });
      try {
        const { blob, filename } = await fetchDownload(
          url,
          (progress) => setState({ phase: 'running', progress }),
          controller.signal,
        );
        saveBlob(blob, filename);
        toast.success(t('download.saved', { filename }));
      } catch (error) {
        if (!controller.signal.aborted) {
          const retry =
            error instanceof DownloadError && error.retryAfter !== undefined
              ? t('download.retryAfter', { seconds: error.retryAfter })
              : undefined;
          toast.error(error instanceof DownloadError ? error.title : t('download.failed'), retry);
        }
      } finally {
        running.current = null;
        setState({ phase: 'idle' });
      }
    },
    [t, toast],
  );

  const link = (url: string) => ({
    href: url,
    download: true,
    onClick: (event: MouseEvent) => {
      // Modified clicks keep the browser's own meaning (new tab, save as).
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      void start(url);
    },
  });

  const status =
    state.phase === 'running' ? (
      <DownloadStatus
        progress={state.progress}
        locale={i18n.language}
        onCancel={() => running.current?.abort()}
      />
    ) : null;

  return { start, link, busy: state.phase === 'running', status };
}

function percentOf(progress: DownloadProgress | null) {
  if (!progress?.total) return null;
  return Math.min(100, Math.floor((progress.received / progress.total) * 100));
}

/** "Preparing…" until the first bytes, then the share received (or the size, with no length). */
function DownloadStatus({
  progress,
  locale,
  onCancel,
}: {
  progress: DownloadProgress | null;
  locale: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const percent = percentOf(progress);
  const started = progress !== null && (progress.received > 0 || progress.total !== null);
  const label = !started
    ? t('download.preparing')
    : percent !== null
      ? t('download.percent', { percent })
      : t('download.received', {
          size: new Intl.NumberFormat(locale, {
            style: 'unit',
            unit: 'kilobyte',
            maximumFractionDigits: 0,
          }).format(progress.received / 1024),
        });
  return (
    <Portal>
      <Notification
        role="status"
        aria-live="polite"
        pos="fixed"
        top={72}
        right={20}
        w={320}
        maw="calc(100vw - 40px)"
        style={{ zIndex: 1000, boxShadow: 'var(--mantine-shadow-md)' }}
        withBorder
        icon={<IconDownload size={18} aria-hidden="true" />}
        title={t('download.title')}
        onClose={onCancel}
        closeButtonProps={{ 'aria-label': t('download.cancel') }}
      >
        <Text fz="sm" mb={6}>
          {label}
        </Text>
        <Progress
          value={percent ?? 100}
          animated={percent === null}
          striped={percent === null}
          aria-label={label}
          size="sm"
        />
      </Notification>
    </Portal>
  );
}
