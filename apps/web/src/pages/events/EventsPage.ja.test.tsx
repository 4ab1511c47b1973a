import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IsmsEvent } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const slow = { timeout: 20_000 };

const recorder = { id: '00000000-0000-4000-8000-000000000001', displayName: '佐藤 花子' };
const auto: IsmsEvent = {
  id: '00000000-0000-4000-8000-000000000e01',
  occurredAt: '2026-11-02T01:00:00.000Z',
  category: 'organization',
  source: 'auto',
  action: 'org_unit.created',
  entity: { type: 'org_unit', id: '00000000-0000-4000-8000-000000000a01' },
  title: '情報システム部',
  description: '',
  impact: '',
  recordedBy: recorder,
  createdAt: '2026-11-02T01:00:00.000Z',
};
const manual: IsmsEvent = {
  ...auto,
  id: '00000000-0000-4000-8000-000000000e02',
  occurredAt: '2026-10-01T00:00:00.000Z',
  category: 'legal',
  source: 'manual',
  action: null,
  entity: null,
  title: '個人情報保護法の改正',
  impact: '報告手順の見直しが必要',
};
const older: IsmsEvent = {
  ...manual,
  id: '00000000-0000-4000-8000-000000000e03',
  title: '本社移転',
};

/** Latin words of three letters or more with a lower-case letter: English or a raw code. */
const englishWords = (text: string) =>
  [...text.matchAll(/[A-Za-z_]*[a-z][A-Za-z_]*/g)].map((m) => m[0]).filter((w) => w.length >= 3);
const mainText = () => {
  const root = (document.querySelector('main') ?? document.body).cloneNode(true) as Element;
  root.querySelectorAll('style, script, svg').forEach((n) => n.remove());
  return root.textContent ?? '';
};

/** Picks an option of a Mantine select (its own listbox: the page and the form both have one). */
const pick = async (input: HTMLElement, name: string) => {
  input.focus();
  fireEvent.keyDown(input, { key: 'ArrowDown' });
  const listbox = await vi.waitFor(() => {
    const found = document.querySelector(`[role=listbox][aria-labelledby="${input.id}-label"]`);
    expect(found).toBeTruthy();
    return found as HTMLElement;
  });
  fireEvent.click(within(listbox).getByRole('option', { name, hidden: true }));
};

const jaAdmin = () => sessionInfo('admin', { locale: 'ja' });

describe('ISMS event log in Japanese', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists automatic and manual entries in Japanese, filters and loads more', async () => {
    const api = fakeApi({
      ...signedInRoutes(jaAdmin()),
      'GET /api/v1/isms-events': ({ query }) => ({
        body: query.get('cursor')
          ? { items: [older], nextCursor: null }
          : query.get('category') === 'legal'
            ? { items: [manual], nextCursor: null }
            : { items: [auto, manual], nextCursor: 'next-page' },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/isms-events');
    const table = await screen.findByRole('table', { name: 'ISMSイベントログ' }, slow);
    // An automatic entry says what happened in the user's words, never the raw action.
    expect(within(table).getByText('組織単位を追加: 情報システム部')).toBeTruthy();
    expect(within(table).getByText('個人情報保護法の改正')).toBeTruthy();
    expect(within(table).getByText('ISMSへの影響：報告手順の見直しが必要')).toBeTruthy();
    expect(within(table).getByText('法令・規制')).toBeTruthy();
    // Only the entry made by hand can be edited.
    expect(within(table).getAllByRole('button', { name: /を編集$/ })).toHaveLength(1);
    // The product's name is the only Latin word.
    expect(englishWords(mainText()).filter((w) => w !== 'Mamoru')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'さらに表示' }));
    expect(await within(table).findByText('本社移転')).toBeTruthy();
    const paged = api.calls.filter((c) => c.path === '/api/v1/isms-events').at(-1)!;
    expect(paged.query.get('cursor')).toBe('next-page');

    await pick(screen.getByRole('combobox', { name: '区分' }), '法令・規制');
    await vi.waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/v1/isms-events').at(-1)!;
      expect(last.query.get('category')).toBe('legal');
      expect(last.query.get('cursor')).toBeNull();
    });
    await vi.waitFor(() => expect(screen.queryByText('組織単位を追加: 情報システム部')).toBeNull());
  });

  it('records an event by hand: checks the form, shows the server’s refusal beside the field', async () => {
    let posted = 0;
    const api = fakeApi({
      ...signedInRoutes(jaAdmin()),
      'GET /api/v1/isms-events': { items: [], nextCursor: null },
      'POST /api/v1/isms-events': ({ body }) => {
        posted += 1;
        return posted === 1
          ? problem(422, '入力内容を確認してください。', {
              errors: [
                {
                  field: 'body.occurredAt',
                  code: 'isms_event_future',
                  message: '現在より後の日時は指定できません。',
                },
              ],
            })
          : { status: 201, body: { ...manual, ...(body as object) } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/isms-events');
    expect(await screen.findByText('まだイベントの記録はありません', {}, slow)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'イベントを記録' }));
    const dialog = await screen.findByRole('dialog', { name: 'ISMSイベントの記録' });
    fireEvent.click(within(dialog).getByRole('button', { name: '記録する' }));
    expect(within(dialog).getAllByText('入力してください')).toHaveLength(2);
    expect(posted).toBe(0);

    await pick(within(dialog).getByRole('combobox', { name: /^区分/ }), '委託先・供給者');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^起きたこと/ }), {
      target: { value: 'クラウド事業者の変更' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '記録する' }));
    expect(await within(dialog).findByText('現在より後の日時は指定できません。')).toBeTruthy();
    expect(posted).toBe(1);
    const sent = api.calls.find((c) => c.method === 'POST')!.body as Record<string, string>;
    expect(sent).toMatchObject({ category: 'supplier', title: 'クラウド事業者の変更' });
    expect(new Date(sent.occurredAt!).getTime()).toBeLessThanOrEqual(Date.now());

    fireEvent.click(within(dialog).getByRole('button', { name: '記録する' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posted).toBe(2);
  });

  it('edits an entry made by hand (the form opens with what it says)', async () => {
    const api = fakeApi({
      ...signedInRoutes(jaAdmin()),
      'GET /api/v1/isms-events': { items: [auto, manual], nextCursor: null },
      [`PATCH /api/v1/isms-events/${manual.id}`]: ({ body }) => ({
        body: { ...manual, ...(body as object) },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/isms-events');
    const table = await screen.findByRole('table', { name: 'ISMSイベントログ' }, slow);
    fireEvent.click(within(table).getByRole('button', { name: '個人情報保護法の改正 を編集' }));
    const dialog = await screen.findByRole('dialog', { name: 'ISMSイベントの編集' });
    const title = within(dialog).getByRole('textbox', { name: /^起きたこと/ });
    expect((title as HTMLInputElement).value).toBe('個人情報保護法の改正');
    fireEvent.change(title, { target: { value: '改正個人情報保護法の施行' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const sent = api.calls.find((c) => c.method === 'PATCH')!;
    expect(sent.body).toMatchObject({
      title: '改正個人情報保護法の施行',
      category: 'legal',
      occurredAt: manual.occurredAt,
      impact: '報告手順の見直しが必要',
    });
  });
});
