import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import {
  handlerSession,
  incidentId,
  recoveredIncident,
  reportedIncident,
  reporterSession,
  settingsFixture,
} from './detail-fixtures';

const slow = { timeout: 20_000 };
const base = `/api/v1/incidents/${incidentId}`;
const filesRoute = { 'GET /api/v1/files': { items: [], nextCursor: null } };

/** Latin words of three letters or more with a lower-case letter: English or a raw code. */
const englishWords = (text: string) =>
  [...text.matchAll(/[A-Za-z_]*[a-z][A-Za-z_]*/g)].map((m) => m[0]).filter((w) => w.length >= 3);
const mainText = () => {
  const root = (document.querySelector('main') ?? document.body).cloneNode(true) as Element;
  root.querySelectorAll('style, script, svg').forEach((n) => n.remove());
  return root.textContent ?? '';
};

/** Picks an option of a Mantine Select by its label. */
async function choose(label: string, option: string) {
  const select = screen.getByRole('combobox', { name: new RegExp(`^${label}`) });
  select.focus();
  fireEvent.click(select);
  // Each select's listbox is labelled by the select's label; pick from that one only.
  const listbox = await vi.waitFor(() => {
    const found = document.querySelector<HTMLElement>(`[aria-labelledby="${select.id}-label"]`);
    if (!found) throw new Error(`no listbox for ${label}`);
    return found;
  });
  fireEvent.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}

describe('the incident page in Japanese', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('triages a report: the priority preview follows the matrix, the triage is sent with If-Match', async () => {
    const api = fakeApi({
      ...signedInRoutes(handlerSession()),
      ...filesRoute,
      [`GET ${base}`]: reportedIncident,
      'GET /api/v1/incident-settings': settingsFixture,
      'GET /api/v1/users': { items: [], nextCursor: null },
      [`POST ${base}/triage`]: (request) => ({
        body: {
          ...recoveredIncident,
          status: 'triaged',
          nextStatuses: ['contained'],
          ...(request.body as object),
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/incidents/${incidentId}`);
    expect(await screen.findByRole('heading', { name: 'ノートPCの紛失' }, slow)).toBeTruthy();
    const triage = screen.getByRole('region', { name: 'トリアージ' });
    expect(within(triage).getByText('影響度と緊急度を選んでください')).toBeTruthy();
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.path === '/api/v1/incident-settings')).toBe(true),
    );
    await choose('影響度', '高');
    await choose('緊急度', '中');
    // Row "high", column "medium" of the matrix above: 2.
    expect(await within(triage).findByText('優先度 2')).toBeTruthy();
    fireEvent.click(within(triage).getByRole('checkbox', { name: '機密性' }));
    fireEvent.click(within(triage).getByRole('button', { name: 'トリアージする' }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.path === `${base}/triage`)).toBe(true));
    const sent = api.calls.find((c) => c.path === `${base}/triage`)!;
    expect(sent.headers.get('If-Match')).toBe('"1"');
    expect(sent.body).toEqual({
      severity: 'high',
      urgency: 'medium',
      assigneeId: null,
      confidential: false,
      affects: { confidentiality: true, integrity: false, availability: false },
    });
    expect(await screen.findByRole('button', { name: '封じ込め完了にする' })).toBeTruthy();
    expect(englishWords(mainText())).toEqual([]);
  });

  it('closes with lessons learned; the refusal (422) and a stale write (412) are shown', async () => {
    let attempt = 0;
    const api = fakeApi({
      ...signedInRoutes(handlerSession()),
      ...filesRoute,
      [`GET ${base}`]: recoveredIncident,
      [`POST ${base}/transitions`]: () => {
        attempt += 1;
        if (attempt === 1) return problem(422, '完了するには得られた教訓が必要です。');
        if (attempt === 2) return problem(412, 'Precondition failed');
        return {
          body: {
            ...recoveredIncident,
            status: 'closed',
            closedAt: '2026-12-04T01:00:00.000Z',
            lessonsLearned: '持ち出しPCはディスク暗号化を必須にする',
            nextStatuses: [],
            record: { id: '00000000-0000-4000-8000-000000000d01', reference: 'REC-0042' },
            version: 6,
          },
        };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/incidents/${incidentId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'インシデントを完了する' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'インシデントを完了する' });
    const submit = within(dialog).getByRole('button', { name: 'インシデントを完了する' });
    // Without lessons learned the form cannot be sent.
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /得られた教訓/ }), {
      target: { value: '持ち出しPCはディスク暗号化を必須にする' },
    });
    fireEvent.click(submit);
    expect(await within(dialog).findByText('完了するには得られた教訓が必要です。')).toBeTruthy();
    fireEvent.click(submit);
    expect(await within(dialog).findByText('このインシデントは他の人が更新しました')).toBeTruthy();
    fireEvent.click(submit);
    expect(await screen.findByRole('link', { name: 'REC-0042' })).toBeTruthy();
    const sent = api.calls.filter((c) => c.path === `${base}/transitions`);
    expect(sent).toHaveLength(3);
    expect(sent[0]!.headers.get('If-Match')).toBe('"5"');
    expect(sent[0]!.body).toMatchObject({
      to: 'closed',
      lessonsLearned: '持ち出しPCはディスク暗号化を必須にする',
    });
    expect((sent[0]!.body as { at?: string }).at).toMatch(/Z$/);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a reporter who cannot handle a read-only view of status and timeline', async () => {
    const api = fakeApi({
      ...signedInRoutes(reporterSession()),
      ...filesRoute,
      [`GET ${base}`]: {
        ...reportedIncident,
        status: 'triaged',
        triagedAt: '2026-12-01T03:00:00.000Z',
        can: { handle: false, attach: true },
        nextStatuses: [],
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/incidents/${incidentId}`);
    expect(await screen.findByText('あなたが報告したインシデントです', {}, slow)).toBeTruthy();
    expect(screen.getByText('報告しました')).toBeTruthy();
    expect(screen.getAllByText('トリアージ済み').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'ファイルを添付' })).toBeTruthy();
    for (const name of [
      '詳細を編集',
      'トリアージする',
      '履歴に追加',
      'リスクを選ぶ',
      '報告・通知を記録',
    ]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.queryByRole('region', { name: '報告・通知の期限' })).toBeNull();
    expect(api.calls.some((c) => c.path === '/api/v1/incident-settings')).toBe(false);
    expect(api.calls.every((c) => c.method === 'GET')).toBe(true);
    expect(englishWords(mainText())).toEqual([]);
  });
});
