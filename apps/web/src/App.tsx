import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './api/queryClient';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ToastProvider } from './components/Toasts';
import { i18n } from './i18n';
import { StepUpProvider } from './pages/auth/StepUpProvider';
import { routes } from './routes';
import { SessionProvider } from './session/SessionProvider';
import { cssVariablesResolver, localizedTheme } from './theme';

type Router = ReturnType<typeof createBrowserRouter>;

/** Mantine with the theme in the current language (labels of its built-in buttons). */
function ThemeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(() => localizedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
    >
      {children}
    </MantineProvider>
  );
}

/** Theme, translations, server state and the session: everything a page needs around it. */
export function AppProviders({
  children,
  queryClient,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider>
        <QueryClientProvider client={client}>
          <SessionProvider>
            <ToastProvider>
              <StepUpProvider>{children}</StepUpProvider>
            </ToastProvider>
          </SessionProvider>
        </QueryClientProvider>
      </ThemeProvider>
    </I18nextProvider>
  );
}

/** The app. Tests pass a memory router and a fresh query client. */
export function App({ router, queryClient }: { router?: Router; queryClient?: QueryClient }) {
  const [appRouter] = useState(() => router ?? createBrowserRouter(routes));
  return (
    <AppProviders {...(queryClient ? { queryClient } : {})}>
      <ErrorBoundary>
        <RouterProvider router={appRouter} />
      </ErrorBoundary>
    </AppProviders>
  );
}
