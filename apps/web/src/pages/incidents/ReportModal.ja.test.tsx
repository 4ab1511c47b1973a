import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { reportedIncident, reporterSession, statisticsFixture } from './fixtures';

const slow = { timeout: 20_000 };
const original = window.matchMedia;

/** A 390 px wide phone: media queries with a max-width above that match. */
function narrowScreen() {
  window.matchMedia = (query: string) => {
    const max = /max-width:\s*([\d.]+)(em|px)/.exec(query);
    const px = max ? Number(max[1]) * (max[2] === 'em' ? 16 : 1) : 0;
    return { ...original(query), matches: px >= 390 };
  };
}

/** Latin words of three letters or more with a lower-case letter: English or a raw code. */
const englishWords = (element: Element) => {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('style, script, svg').forEach((node) => node.remove());
  return [...(copy.textContent ?? '').matchAll(/[A-Za-z_]*[a-z][A-Za-z_]*/g)]
    .map((m) => m[0])
    .filter((word) => word.length >= 3);
};

/** Two clicks report: this is the first; the form (its own chunk) then replaces the loader. */
async function openForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'インシデントを報告' }, slow));
  await screen.findByRole('textbox', { name: /件名/ }, slow);
  return screen.getByRole('dialog', { name: 'インシデントを報告' });
}

function routes(onReport: (body: unknown) => void) {
  return fakeApi({
    ...signedInRoutes(reporterSession('ja')),
    'GET /api/v1/incident-statistics': statisticsFixture,
    'POST /api/v1/incidents': (request) => {
      onReport(request.body);
      const title = (request.body as { title: string }).title;
      return { status: 201, body: { incident: reportedIncident(title), merged: false } };
    },
  });
}

describe('reporting an incident in Japanese on a phone', { timeout: 60_000 }, () => {
  beforeEach(narrowScreen);
  afterEach(() => {
    window.matchMedia = original;
    vi.unstubAllGlobals();
  });

  it('opens the full-screen form from the header, checks the title, and sends the report', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', routes((body) => bodies.push(body)).fetch);
    renderApp('/');
    const dialog = await openForm();
    expect(
      dialog.closest('[data-full-screen]') ?? dialog.querySelector('[data-full-screen]'),
    ).toBeTruthy();
    expect(within(dialog).getByText(/気づいたらすぐに/)).toBeTruthy();
    expect(englishWords(dialog)).toEqual([]);
    // Staff cannot read the scope: no unit or location pickers, the free "where" instead.
    expect(within(dialog).queryByLabelText('部門')).toBeNull();
    expect(within(dialog).queryByLabelText('拠点')).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: '報告を送信' }));
    expect(await within(dialog).findByText('件名を入力してください。')).toBeTruthy();
    expect(bodies).toHaveLength(0);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /件名/ }), {
      target: { value: 'USBメモリを紛失' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: '起きたこと' }), {
      target: { value: '帰りの電車で鞄ごと紛失しました。' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: '場所' }), {
      target: { value: '東京駅' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /個人データが関係/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: '報告を送信' }));

    expect(
      await within(dialog).findByText(
        '報告 INC-0007 を送信しました。ありがとうございます。',
        {},
        slow,
      ),
    ).toBeTruthy();
    expect(bodies).toEqual([
      expect.objectContaining({
        type: 'incident',
        title: 'USBメモリを紛失',
        description: '帰りの電車で鞄ごと紛失しました。',
        place: '東京駅',
        personalData: true,
        confidential: false,
        occurredAt: null,
      }),
    ]);
    expect(within(dialog).getByRole('link', { name: 'INC-0007 を開く' }).getAttribute('href')).toBe(
      '/incidents/00000000-0000-4000-8000-000000000a01',
    );
  });

  it('shows the server refusal in Japanese beside the field', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(reporterSession('ja')),
        'GET /api/v1/incident-statistics': statisticsFixture,
        'POST /api/v1/incidents': problem(422, '入力内容を確認してください。', {
          errors: [{ field: 'place', message: '500文字以内で入力してください。' }],
        }),
      }).fetch,
    );
    renderApp('/');
    const dialog = await openForm();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /件名/ }), {
      target: { value: '不審なメール' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '報告を送信' }));
    expect(
      await within(dialog).findByText('500文字以内で入力してください。', {}, slow),
    ).toBeTruthy();
    expect(within(dialog).getByText('入力内容を確認してください。')).toBeTruthy();
  });

  it('shows the dashboard card with open incidents and overdue clocks', async () => {
    vi.stubGlobal('fetch', routes(() => {}).fetch);
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'インシデント' }, slow);
    expect(
      (
        await within(card).findByRole('link', { name: '対応中のインシデント 3 件' }, slow)
      ).getAttribute('href'),
    ).toBe('/incidents?tab=mine&open=true');
    expect(within(card).getByRole('alert').textContent).toBe('2');
  });
});
