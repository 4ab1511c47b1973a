import { Notification, Portal, Stack } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';

export interface Toast {
  id: number;
  kind: 'success' | 'error';
  title: string;
  message?: string;
}

interface ToastApi {
  success(title: string, message?: string): void;
  error(title: string, message?: string): void;
}

const ToastContext = createContext<ToastApi | null>(null);

const LIFETIME_MS = 5_000;

/** Short confirmations ("Saved") in a polite live region at the bottom right. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((toast) => toast.id !== id));
  }, []);

  const push = useCallback(
    (kind: Toast['kind'], title: string, message?: string) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { id, kind, title, ...(message ? { message } : {}) }]);
      window.setTimeout(() => dismiss(id), kind === 'error' ? LIFETIME_MS * 2 : LIFETIME_MS);
    },
    [dismiss],
  );

  const api = useMemo<ToastApi>(
    () => ({
      success: (title, message) => push('success', title, message),
      error: (title, message) => push('error', title, message),
    }),
    [push],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <Portal>
        <Stack
          gap="xs"
          pos="fixed"
          bottom={20}
          right={20}
          w={360}
          maw="calc(100vw - 40px)"
          style={{ zIndex: 1000 }}
          role="status"
          aria-live="polite"
        >
          {toasts.map((toast) => (
            <Notification
              key={toast.id}
              title={toast.title}
              color={toast.kind === 'success' ? 'teal' : 'red'}
              icon={
                toast.kind === 'success' ? (
                  <IconCheck size={18} aria-hidden="true" />
                ) : (
                  <IconAlertCircle size={18} aria-hidden="true" />
                )
              }
              withBorder
              style={{ boxShadow: 'var(--mantine-shadow-md)' }}
              onClose={() => dismiss(toast.id)}
              styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
              closeButtonProps={{ 'aria-label': t('common.dismiss') }}
            >
              {toast.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast must be used inside <ToastProvider>');
  return value;
}
