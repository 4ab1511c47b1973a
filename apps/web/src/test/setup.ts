import { cleanup, configure, getConfig } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setCsrfToken } from '../api/client';
import { initI18n } from '../i18n';
import { en, ja } from '../i18n/complete.ts';

// jsdom lacks the layout APIs Mantine uses; stub them (see Mantine's testing guide).
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
window.HTMLElement.prototype.scrollIntoView = () => {};
// Textarea autosize listens for web fonts loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}
const { getComputedStyle } = window;
window.getComputedStyle = (element: Element, pseudo?: string | null) =>
  getComputedStyle(element, pseudo);

// The first render of a file (Mantine, the router, the session) can take over a second on CI.
configure({ asyncUtilTimeout: 5_000 });

// A findBy/waitFor retries its query on every DOM change and every 50 ms, and each miss
// printed the whole page into an error (about a sixth of the web tests' CPU time). The
// library flags those retries, and a retry's error is either thrown away or, when the
// wait times out, given the page printed then. So a retry's miss only carries its message;
// every error a test reports still shows the page. Wrapped once: with isolate: false this
// file runs again for every file a worker takes.
const retrying = () =>
  (getConfig() as { _disableExpensiveErrorDiagnostics?: boolean })
    ._disableExpensiveErrorDiagnostics;
const printsPage = getConfig().getElementError;
if (!('printsPage' in printsPage)) {
  const getElementError = (message: string | null, container: Element) => {
    if (!retrying()) return printsPage(message, container);
    const error = new Error(message ?? '');
    error.name = 'TestingLibraryElementError';
    return error;
  };
  configure({ getElementError: Object.assign(getElementError, { printsPage }) });
}

// Every test starts in English with nothing stored. i18next merges lazily
// loaded areas into the objects it is given, so it gets copies: the trees
// locales.test.ts compares stay as the files are.
const resources = structuredClone({ en, ja });
initI18n('en', resources);

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  window.sessionStorage.clear();
  setCsrfToken(null);
  initI18n('en', resources);
});
