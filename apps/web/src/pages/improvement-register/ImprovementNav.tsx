import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

const PAGES = [
  ['register', '/improvement'],
  ['communications', '/improvement/communications'],
  ['proposals', '/improvement/proposals'],
] as const;

/** The improvement area's pages: the register, the communication log, the proposals inbox. */
export function ImprovementNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = PAGES.find(([, path]) => path === pathname)?.[0] ?? 'register';
  return (
    <Tabs
      value={current}
      onChange={(value) => {
        const page = PAGES.find(([key]) => key === value);
        if (page) void navigate(page[1]);
      }}
    >
      <Tabs.List aria-label={t('improvementRegister.nav.label')}>
        {PAGES.map(([key]) => (
          <Tabs.Tab key={key} value={key}>
            {t(`improvementRegister.nav.${key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

/**
 * A list filter kept in the address (so a link, e.g. from the conformity view,
 * opens the list filtered); values the list does not know are ignored.
 */
export function useAddressFilter(name: string, options: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const value = raw && options.includes(raw) ? raw : null;
  const set = (next: string | null) =>
    setParams(
      (p) => {
        if (next) p.set(name, next);
        else p.delete(name);
        return p;
      },
      { replace: true },
    );
  return [value, set] as const;
}
