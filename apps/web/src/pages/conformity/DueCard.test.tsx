import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConformityReport } from '@mamoru/contracts';
import { AppProviders } from '../../App';
import { i18n } from '../../i18n';
import { DueCard } from './DashboardWidgets';

/** Only `due` is read by the card. */
const report = {
  due: [
    { kind: 'approval', count: 0, overdue: 0, href: '/approvals' },
    { kind: 'management_review', count: 2, overdue: 1, href: '/management-review' },
    { kind: 'training', count: 3, overdue: 1, href: '/training' },
    { kind: 'competence', count: 1, overdue: 0, href: '/people/gaps' },
  ],
} as ConformityReport;

function renderCard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProviders queryClient={client}>
      <MemoryRouter>
        <DueCard report={report} />
      </MemoryRouter>
    </AppProviders>,
  );
}

describe('the dashboard due card', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows the management reviews due with their overdue count and link', async () => {
    await i18n.changeLanguage('en');
    renderCard();
    const line = screen.getByTestId('due-management_review');
    const link = within(line).getByRole('link', { name: '2 management reviews are due' });
    expect(link.getAttribute('href')).toBe('/management-review');
    expect(line.textContent).toContain('1 overdue');
  });

  it('says it in Japanese without Latin words', async () => {
    await i18n.changeLanguage('ja');
    renderCard();
    const line = screen.getByTestId('due-management_review');
    expect(line.textContent).toBe('2件のマネジメントレビューが期限です1件期限切れ');
    expect(line.textContent).not.toMatch(/[A-Za-z]/);
  });

  it('shows training and competences due in both languages', async () => {
    await i18n.changeLanguage('en');
    const { unmount } = renderCard();
    const training = screen.getByTestId('due-training');
    expect(
      within(training)
        .getByRole('link', { name: '3 trainings are overdue or due again soon' })
        .getAttribute('href'),
    ).toBe('/training');
    expect(training.textContent).toContain('1 overdue');
    const competence = screen.getByTestId('due-competence');
    expect(
      within(competence)
        .getByRole('link', { name: '1 competence has expired or expires soon' })
        .getAttribute('href'),
    ).toBe('/people/gaps');
    unmount();
    await i18n.changeLanguage('ja');
    renderCard();
    expect(screen.getByTestId('due-training').textContent).toBe(
      '3件の教育が期限切れ又はまもなく受け直しです1件期限切れ',
    );
    expect(screen.getByTestId('due-competence').textContent).not.toMatch(/[A-Za-z]/);
  });
});
