import '@mantine/core/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectBrowserLocale, fetchTranslation, initI18n } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const locale = detectBrowserLocale();
// Only the language shown is downloaded; the first render waits for its strings.
void fetchTranslation(locale).then((strings) => {
  initI18n(locale, { [locale]: strings });
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
