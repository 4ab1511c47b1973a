import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { acmeTree, managerSession } from '../../test/catalogFixtures';
import { renderWithProviders } from '../../test/render';
import { AddControlModal } from './AddControlModal';

describe('add an own control: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts a taken ID at its input and labels another error, in Japanese', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession('ja')),
      'POST /api/v1/catalogs/acme-cloud/controls': problem(422, '入力内容を確認してください。', {
        errors: [
          { field: 'id', code: 'node_id_taken', message: 'この ID はすでに使われています。' },
          { field: 'guidance.ja', code: 'too_big', message: '長すぎます。' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <AddControlModal
        libraryId="acme-cloud"
        groups={acmeTree.controlGroups}
        objectiveId="ac"
        opened
        onClose={() => {}}
        onAdded={() => {}}
      />,
    );

    const dialog = await screen.findByRole('dialog');
    const id = within(dialog).getByRole('textbox', { name: /^ID/ });
    fireEvent.change(id, { target: { value: 'ac-1' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^名称（日本語）/ }), {
      target: { value: 'アクセスの見直し' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '管理策を追加' }));

    await vi.waitFor(() => expect(id.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('この ID はすでに使われています。')).toBeTruthy();
    const alert = within(dialog).getByRole('alert');
    expect(within(alert).getByText('手引: 長すぎます。')).toBeTruthy();
    expect(alert.textContent).not.toContain('guidance');
    expect(alert.textContent).not.toContain('すでに使われています');
  });
});
