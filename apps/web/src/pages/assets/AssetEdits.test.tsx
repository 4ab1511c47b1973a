import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { assetFixture, registerRoutes } from './assetFixtures';
import { DependenciesEditor } from './DependenciesEditor';
import { InlineEdit } from './InlineEdit';
import { SavedViewsMenu } from './SavedViewsMenu';

const a1 = assetFixture(1);
const server = assetFixture(2, { code: 'SRV-01', name: 'Web server', category: 'physical' });
const database = assetFixture(3, { code: 'DB-01', name: 'Orders database' });

describe('asset edits: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts an inline edit’s error at its input and labels another field’s, in Japanese', async () => {
    const api = fakeApi({
      ...registerRoutes,
      ...signedInRoutes(sessionInfo('admin', { locale: 'ja' })),
      [`PATCH /api/v1/assets/${a1.id}`]: problem(422, '入力内容を確認してください。', {
        errors: [
          { field: 'nextReviewDate', code: 'invalid', message: '過去の日付です。' },
          { field: 'status', code: 'retired', message: '廃棄済みの資産です。' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <InlineEdit asset={a1} field="nextReviewDate">
        2027-04-01
      </InlineEdit>,
    );

    fireEvent.click(await screen.findByRole('button', { name: /の次回見直し日を変更/ }));
    const popover = await screen.findByRole('dialog');
    fireEvent.click(within(popover).getByRole('button', { name: '保存' }));

    const date = within(popover).getByLabelText('次回見直し日');
    await vi.waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(within(popover).getByText('過去の日付です。')).toBeTruthy();
    const alert = within(popover).getByRole('alert');
    expect(within(alert).getByText('状態: 廃棄済みの資産です。')).toBeTruthy();
    expect(alert.textContent).not.toContain('nextReviewDate');
  });

  it('puts an error on the link just added at the asset picker and names an earlier link', async () => {
    const api = fakeApi({
      ...registerRoutes,
      'GET /api/v1/assets': ({ query }) => ({
        body: { items: query.get('q') === 'orders' ? [database] : [], nextCursor: null },
      }),
      [`GET /api/v1/assets/${a1.id}`]: a1,
      [`GET /api/v1/assets/${a1.id}/dependencies`]: {
        outgoing: [
          { type: 'runs_on', asset: { id: server.id, code: 'SRV-01', name: 'Web server' } },
        ],
        incoming: [],
      },
      [`PUT /api/v1/assets/${a1.id}/dependencies`]: problem(422, 'Check the values entered.', {
        errors: [
          { field: 'items.1.assetId', code: 'cycle', message: 'This link would make a cycle.' },
          { field: 'items.0.assetId', code: 'retired', message: 'The asset is retired.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<DependenciesEditor asset={a1} editable />);

    const picker = await screen.findByRole('combobox', { name: 'Asset' });
    picker.focus();
    fireEvent.click(picker);
    fireEvent.change(picker, { target: { value: 'orders' } });
    fireEvent.click(await screen.findByRole('option', { name: 'DB-01 Orders database' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));

    await vi.waitFor(() => expect(picker.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('This link would make a cycle.')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Runs on SRV-01: The asset is retired.')).toBeTruthy();
    expect(alert.textContent).not.toContain('items.');
  });
  it('puts a refused view name at its input and names the refused columns', async () => {
    const api = fakeApi({
      ...registerRoutes,
      'POST /api/v1/saved-views': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'name', code: 'duplicate', message: 'You already have a view of this name.' },
          { field: 'definition.columns.3', code: 'too_big', message: 'Too long.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <SavedViewsMenu
        current={null}
        definition={{ filters: {}, columns: ['code', 'name'] }}
        onApply={() => {}}
      />,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Views' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Save as a new view…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save the current view' });
    const name = within(dialog).getByRole('textbox', { name: /Name of the view/ });
    fireEvent.change(name, { target: { value: 'Mine' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await vi.waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('You already have a view of this name.')).toBeTruthy();
    const alert = within(dialog).getByRole('alert');
    expect(within(alert).getByText('Columns: Too long.')).toBeTruthy();
    expect(alert.textContent).not.toContain('definition');
  });
});
