import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IncidentObligation } from '@mamoru/contracts';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { handlerSession, incidentId, recoveredIncident } from './detail-fixtures';

const slow = { timeout: 20_000 };
const base = `/api/v1/incidents/${incidentId}`;
const obligationId = recoveredIncident.clocks[0]!.obligationId;

const obligation: IncidentObligation = {
  id: obligationId,
  presetKey: 'appi_preliminary',
  name: { ja: '個人情報保護委員会への速報', en: 'Preliminary report to the PPC' },
  recipient: '個人情報保護委員会',
  appliesToTypes: ['incident', 'suspected'],
  requiresPersonalData: true,
  deadlineDays: 3,
  deadlineDaysWrongfulIntent: null,
  deadlineHours: null,
  sortOrder: 0,
  active: true,
  version: 1,
};

const withRaised = {
  ...recoveredIncident,
  raised: [
    {
      kind: 'nonconformity' as const,
      id: '00000000-0000-4000-8000-000000000e01',
      reference: 'NC-0003',
      title: 'PC持ち出し手順の不備',
      status: 'open',
    },
  ],
};

describe('the incident team works an incident, in Japanese', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('records a notification against its clock, from the obligation list', async () => {
    const api = fakeApi({
      ...signedInRoutes(handlerSession()),
      'GET /api/v1/files': { items: [], nextCursor: null },
      [`GET ${base}`]: withRaised,
      'GET /api/v1/incident-obligations': { items: [obligation] },
      [`POST ${base}/notifications`]: { status: 201, body: {} },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/incidents/${incidentId}`);
    const clocks = await screen.findByRole('region', { name: '報告・通知の期限' }, slow);
    expect(within(clocks).getByText('期限前')).toBeTruthy();
    // What was raised links to its page in the improvement area.
    expect(
      screen.getByRole('link', { name: 'NC-0003 PC持ち出し手順の不備' }).getAttribute('href'),
    ).toBe('/corrective-actions/00000000-0000-4000-8000-000000000e01');
    fireEvent.click(within(clocks).getByRole('button', { name: '送付を記録' }));
    const dialog = await screen.findByRole('dialog', { name: '報告・通知を記録' });
    // The clock's obligation is chosen once the list has loaded.
    await vi.waitFor(() =>
      expect(
        (within(dialog).getByRole('combobox', { name: '義務' }) as HTMLInputElement).value,
      ).toBe('個人情報保護委員会への速報'),
    );
    expect(
      (within(dialog).getByRole('textbox', { name: /送付先/ }) as HTMLInputElement).value,
    ).toBe('個人情報保護委員会');
    fireEvent.change(within(dialog).getByRole('textbox', { name: '送付した内容' }), {
      target: { value: '漏えい等報告(速報)を提出' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '報告・通知を記録' }));
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.path === `${base}/notifications`)).toBe(true),
    );
    const sent = api.calls.find((c) => c.path === `${base}/notifications`)!.body as Record<
      string,
      unknown
    >;
    expect(sent).toMatchObject({
      obligationId,
      recipient: '個人情報保護委員会',
      channel: 'web_form',
      summary: '漏えい等報告(速報)を提出',
    });
    expect(sent.sentAt).toMatch(/Z$/);
    // The incident is read again to show the clock met.
    await vi.waitFor(() =>
      expect(api.calls.filter((c) => c.method === 'GET' && c.path === base).length).toBe(2),
    );
  });

  it('edits quantities with If-Match and says so when someone saved first (412)', async () => {
    const api = fakeApi({
      ...signedInRoutes(handlerSession()),
      'GET /api/v1/files': { items: [], nextCursor: null },
      [`GET ${base}`]: recoveredIncident,
      [`PATCH ${base}`]: problem(412, 'Precondition failed'),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/incidents/${incidentId}`);
    fireEvent.click(await screen.findByRole('button', { name: '規模と費用を編集' }, slow));
    const dialog = await screen.findByRole('dialog', { name: '規模と費用を編集' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: '対応費用' }), {
      target: { value: '150000' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('このインシデントは他の人が更新しました')).toBeTruthy();
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"5"');
    expect(patch.body).toMatchObject({
      costs: { response: 150000, recovery: null, loss: null },
    });
    // The form keeps what was typed.
    expect(
      (within(dialog).getByRole('textbox', { name: '対応費用' }) as HTMLInputElement).value,
    ).toBe('150,000');
  });

  it('requests reassessment of the related risks and raises an improvement', async () => {
    const risk = {
      id: '00000000-0000-4000-8000-000000000f01',
      reference: 'R-000012',
      title: 'ノートPC / 紛失・盗難',
      level: 12,
      reassessmentRequestedAt: null,
      reassessed: false,
    };
    const api = fakeApi({
      ...signedInRoutes(handlerSession()),
      'GET /api/v1/files': { items: [], nextCursor: null },
      [`GET ${base}`]: { ...recoveredIncident, risks: [risk], lessonsLearned: '暗号化を徹底する' },
      [`POST ${base}/reassessment`]: { items: [risk] },
      [`POST ${base}/raise`]: {
        status: 201,
        body: {
          kind: 'improvement',
          id: risk.id,
          reference: 'IMP-0001',
          title: 'x',
          status: 'open',
        },
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/incidents/${incidentId}`);
    const risks = await screen.findByRole('region', { name: '関連するリスク' }, slow);
    expect(within(risks).getByText('ノートPC / 紛失・盗難')).toBeTruthy();
    fireEvent.click(within(risks).getByRole('button', { name: '再評価を依頼' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.path === `${base}/reassessment`)?.body).toEqual({}),
    );
    fireEvent.click(screen.getByRole('button', { name: '改善として起票' }));
    const dialog = await screen.findByRole('dialog', { name: '改善として起票' });
    fireEvent.click(within(dialog).getByRole('button', { name: '改善として起票' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.path === `${base}/raise`)?.body).toEqual({
        kind: 'improvement',
        title: 'INC-0007 ノートPCの紛失',
        description: '暗号化を徹底する',
      }),
    );
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
