import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClassificationLevel } from '../../api/assets';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const rule = (en: string) => ({ ja: `${en}（日本語）`, en });
const level: ClassificationLevel = {
  id: '00000000-0000-4000-8000-000000000401',
  code: 'confidential',
  name: { ja: '社外秘', en: 'Confidential' },
  rank: 2,
  description: { ja: '', en: 'Only for staff.' },
  handling: {
    labelling: rule('Mark every page.'),
    storage: rule('Encrypted storage only.'),
    transmission: rule('Encrypted channels.'),
    copying: rule('Only with approval.'),
    disposal: rule('Shred paper.'),
  },
  active: true,
  version: 2,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

describe('classification scheme', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows each level with its handling rules and saves an edit with If-Match', async () => {
    let sent: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/classifications': { items: [level], nextCursor: null },
      [`PATCH /api/v1/classifications/${level.id}`]: ({ headers, body }) => {
        sent = { ifMatch: headers.get('if-match'), body };
        return { body: { ...level, version: 3 } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/classifications');

    const rules = await screen.findByRole('table', { name: 'Handling rules of Confidential' });
    expect(within(rules).getByText('Shred paper.')).toBeTruthy();

    fireEvent.click(
      screen.getByRole('button', { name: 'Edit the handling rules of Confidential' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Disposal (English)'), {
      target: { value: 'Shred and log.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(sent?.ifMatch).toBe('"2"'));
  });

  it('adds a level and deactivates one after a confirmation, and is in the navigation', async () => {
    const posts: unknown[] = [];
    let patch: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/classifications': { items: [level], nextCursor: null },
      'POST /api/v1/classifications': ({ body }) => {
        posts.push(body);
        return { status: 201, body: { ...level, id: '00000000-0000-4000-8000-000000000402' } };
      },
      [`PATCH /api/v1/classifications/${level.id}`]: ({ headers, body }) => {
        patch = { ifMatch: headers.get('if-match'), body };
        return { body: { ...level, active: false, version: 3 } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/classifications');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Classification scheme' })).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: 'New level' }));
    const dialog = await screen.findByRole('dialog', { name: 'New classification level' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Code/ }), {
      target: { value: 'personal' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name \(日本語\)/ }), {
      target: { value: '個人情報' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name \(English\)/ }), {
      target: { value: 'Personal data' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add level' }));
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    // The next rank above the highest existing level is proposed.
    expect(posts[0]).toMatchObject({
      code: 'personal',
      name: { ja: '個人情報', en: 'Personal data' },
      rank: 3,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Confidential' }));
    const confirm = await screen.findByRole('dialog', { name: 'Deactivate Confidential' });
    expect(patch).toBeUndefined();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Deactivate' }));
    await vi.waitFor(() => expect(patch).toEqual({ ifMatch: '"2"', body: { active: false } }));
    expect(await screen.findByText('Confidential deactivated')).toBeTruthy();
  }, 30_000);
  it('puts a refused handling rule at its input and labels the rest, in Japanese (422)', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin', { locale: 'ja' })),
      'GET /api/v1/classifications': { items: [level], nextCursor: null },
      [`PATCH /api/v1/classifications/${level.id}`]: problem(422, '入力内容を確認してください。', {
        errors: [
          { field: 'handling.storage.ja', code: 'too_big', message: '長すぎます。' },
          { field: 'handling.disposal', code: 'invalid_type', message: '入力してください。' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/classifications');

    fireEvent.click(
      await screen.findByRole('button', { name: '社外秘 の取扱い規則の編集' }, { timeout: 20_000 }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '変更を保存' }));

    const storage = within(dialog).getByRole('textbox', { name: '保管 (日本語)' });
    await vi.waitFor(() => expect(storage.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('長すぎます。')).toBeTruthy();
    const alert = within(dialog).getByRole('alert');
    expect(within(alert).getByText('廃棄: 入力してください。')).toBeTruthy();
    expect(alert.textContent).not.toContain('handling');
    expect(alert.textContent).not.toContain('長すぎます。');
  }, 30_000);
});
