import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import {
  hasPdftotext,
  pdfWords,
  seedReview,
  words,
  workbookText,
  type ReviewSeed,
  type SeededReview,
} from './reviews-exports.fixtures.ts';

describeEachDatabase('management review minutes export', (ctx) => {
  let app: App;
  let admin: Client;
  let manager: Client;
  let top: Client;
  let staff: Client;
  let external: Client;
  let approved: SeededReview;
  let held: SeededReview;
  let planned: SeededReview;

  const url = (r: SeededReview, query: string) =>
    `/api/v1/management-reviews/${r.id}/export?${query}`;
  const fetchFile = async (c: Client, r: SeededReview, query: string) => {
    const res = await c.get(url(r, query));
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin } = await setupOrganization(app));
    manager = await createUserAndLogin(admin, {
      roles: ['isms_manager'],
      displayName: '守田 管理',
    });
    top = await createUserAndLogin(admin, { roles: ['top_management'], displayName: '経営 太郎' });
    staff = await createUserAndLogin(admin, { roles: ['staff'] });
    external = await createUserAndLogin(admin, { roles: ['external_auditor'] });
    const db = app.database.db;
    const org = admin.organization.id;
    const people: ReviewSeed['attendees'] = [
      { userId: top.user.id, role: 'top_management', attended: true },
      { userId: manager.user.id, role: 'isms_manager', attended: true },
      { name: '外部 顧問', role: 'other', attended: false },
    ];
    approved = await seedReview(db, org, {
      title: '2026年度 マネジメントレビュー',
      status: 'approved',
      heldOn: '2026-03-12',
      summary: 'ISMSは概ね有効に機能していると判断した。',
      approvedBy: top.user.id,
      preparedBy: manager.user.id,
      distributed: true,
      attendees: people,
      inputs: [
        {
          section: 'a',
          figures: { findingsMinor: 2, auditsCompleted: 1, observations: 0, newFigureKey: 3 },
          items: [
            {
              kind: 'internal_audit',
              id: '00000000-0000-4000-8000-000000000001',
              ref: 'IA-0007',
              title: '情報システム部の内部監査',
              status: 'reported',
              date: '2026-02-10',
              href: '/audits/00000000-0000-4000-8000-000000000001',
            },
          ],
          omitted: 4,
          discussion: '監査の指摘は期限内に是正されている。',
        },
        { section: 'b', figures: { feedbackReceived: 0 }, items: [] },
        { section: 'incidents', available: false },
      ],
      decisions: [
        {
          output: 'procedure',
          procedureReason: 'legal',
          title: '個人情報の取扱手順を改訂する',
          description: '改正法への対応',
          inputSections: ['e', 'g'],
          ownerId: manager.user.id,
          dueDate: '2026-06-30',
          improvementStatus: 'accepted',
        },
        {
          output: 'resources',
          amount: 1_200_000,
          title: 'ログ監視ツールを導入する',
          ownerId: manager.user.id,
          dueDate: '2026-09-30',
          improvementStatus: 'implemented',
        },
      ],
    });
    held = await seedReview(db, org, {
      title: 'Extra review',
      status: 'held',
      heldOn: '2026-04-02',
      attendees: people,
      inputs: [{ section: 'c', figures: { improvementsAccepted: 1 } }],
      decisions: [
        {
          output: 'effectiveness',
          title: 'Raise awareness training coverage',
          ownerId: manager.user.id,
          dueDate: '2026-07-31',
        },
      ],
    });
    planned = await seedReview(db, org, { status: 'inputs_prepared' });
  }, 120_000);
  afterAll(() => app.close());

  it('exports approved minutes as XLSX in English with decisions and the input pack annex', async () => {
    const res = await fetchFile(external, approved, 'format=xlsx&lang=en');
    expect(res.headers['content-disposition']).toContain(
      `management-review-${approved.code}-en.xlsx`,
    );
    const { names, sheets } = await workbookText(res.rawPayload);
    expect(names).toEqual(['Cover', 'Attendees', 'Discussion', 'Decisions', 'Input pack']);
    expect(sheets.Cover).toEqual(
      expect.arrayContaining([
        `Review | ${approved.code} 2026年度 マネジメントレビュー`,
        'Status | Minutes approved',
        'Approved by | 経営 太郎',
        'Held on | 2026-03-12',
        'Summary | ISMSは概ね有効に機能していると判断した。',
      ]),
    );
    expect(sheets.Cover!.join('\n')).not.toContain('DRAFT');
    expect(sheets.Attendees).toEqual([
      'Name | Role | Attendance',
      '経営 太郎 | Top management | Attended',
      '守田 管理 | ISMS manager | Attended',
      '外部 顧問 | Other | Absent',
    ]);
    const decisions = sheets.Decisions!;
    expect(decisions[1]).toMatch(
      /^1 \| 6\.3 b {2}Change procedures \| 個人情報の取扱手順を改訂する\n改正法への対応\nAnswers inputs: e, g \| Changed laws, regulations or contracts \| 守田 管理 \| 2026-06-30 \| IMP-\d{4} Accepted \(to do\)$/,
    );
    expect(decisions[2]).toMatch(
      /^2 \| 6\.3 c {2}Provide resources \| .* \| ¥1,200,000 \| .* \| IMP-\d{4} Implemented$/,
    );
    const annex = sheets['Input pack']!;
    // Known figures in their reading order, an unknown key in words, then the items.
    const a = annex.indexOf('6.2 a  Results of internal audits and earlier reviews');
    expect(annex.slice(a + 1, a + 6)).toEqual([
      'Figure | Count',
      'Internal audits completed | 1',
      'Minor nonconformities found | 2',
      'Observations | 0',
      'new figure key | 3',
    ]);
    expect(annex).toEqual(
      expect.arrayContaining([
        'Internal audit | IA-0007 | 情報システム部の内部監査 | Reported | 2026-02-10 | ',
        '4 more not listed (the figures count them).',
        'There was nothing to report for the period.',
        'Mamoru has no area that provides this input yet.',
        'Pack compiled by | 守田 管理',
      ]),
    );
    expect(sheets.Discussion).toContain(
      '6.2 a  Results of internal audits and earlier reviews | 監査の指摘は期限内に是正されている。',
    );
  });

  it('exports the same minutes in Japanese, labels included', async () => {
    const { names, sheets } = await workbookText(
      (await fetchFile(manager, approved, 'format=xlsx&lang=ja')).rawPayload,
    );
    expect(names).toEqual(['表紙', '出席者', '討議', '決定事項', 'インプット資料']);
    expect(sheets['出席者']).toContain('外部 顧問 | その他 | 欠席');
    expect(sheets['決定事項']![1]).toContain('第6 3. b　手順を改める');
    expect(sheets['決定事項']![1]).toContain('法令・規制・契約の変化');
    expect(sheets['決定事項']![1]).toContain('対応するインプット：e、g');
    expect(sheets['決定事項']![2]).toContain('￥1,200,000');
    expect(sheets['インプット資料']).toEqual(
      expect.arrayContaining([
        '完了した内部監査 | 1',
        '内部監査 | IA-0007 | 情報システム部の内部監査 | 報告済み | 2026-02-10 | ',
        'この情報を扱う機能はまだMamoruにありません。',
      ]),
    );
  });

  it.skipIf(!hasPdftotext)(
    'prints the approved minutes as a Japanese PDF (pdftotext)',
    async () => {
      const res = await fetchFile(top, approved, 'format=pdf&lang=ja');
      expect(res.headers['content-type']).toContain('application/pdf');
      const text = pdfWords(res.rawPayload);
      for (const expected of [
        'マネジメントレビュー議事録',
        approved.code,
        '経営 太郎',
        'ISMSは概ね有効に機能していると判断した。',
        '監査の指摘は期限内に是正されている。',
        '個人情報の取扱手順を改訂する',
        '法令・規制・契約の変化',
        '付録：インプット資料',
        '情報システム部の内部監査',
      ]) {
        expect(text).toContain(words(expected));
      }
      expect(text).not.toContain('下書き');
    },
  );

  it.skipIf(!hasPdftotext)('marks minutes not yet approved as a draft (English PDF)', async () => {
    const text = pdfWords((await fetchFile(manager, held, 'format=pdf&lang=en')).rawPayload);
    for (const expected of [
      'Management review minutes',
      'These minutes are a draft',
      'Raise awareness training coverage',
      'Created on approval',
      'Held (minutes being written)',
      'Improvements accepted',
    ]) {
      expect(text).toContain(words(expected));
    }
  });

  it('refuses to export before the review is held (409)', async () => {
    const res = await manager.get(url(planned, 'format=pdf&lang=en'));
    expect([res.statusCode, res.json().code]).toEqual([409, 'review_minutes_not_started']);
    expect(res.json().detail ?? res.json().title).toBeTruthy();
    const bad = await manager.get(url(held, 'format=doc'));
    expect(bad.statusCode).toBe(400);
  });

  it('lets staff export only distributed approved minutes; others by their reach', async () => {
    expect((await staff.get(url(held, 'format=xlsx&lang=en'))).statusCode).toBe(404);
    expect((await staff.get(url(planned, 'format=xlsx&lang=en'))).statusCode).toBe(404);
    await fetchFile(staff, approved, 'format=xlsx&lang=en');
    for (const c of [admin, top, external]) await fetchFile(c, held, 'format=xlsx&lang=en');
  });

  it('writes in the reader’s own language when none is asked for', async () => {
    const auditor = await createUserAndLogin(admin, { roles: ['internal_auditor'], locale: 'ja' });
    const res = await fetchFile(auditor, held, 'format=xlsx');
    expect(res.headers['content-disposition']).toContain(`${held.code}-ja.xlsx`);
    const { names, sheets } = await workbookText(res.rawPayload);
    expect(names[0]).toBe('表紙');
    expect(sheets['表紙']).toContain(
      '下書き | この議事録はまだ経営陣の承認を受けていない下書きです。',
    );
  });

  it('keeps organizations apart: B cannot export A’s minutes, nor A B’s', async () => {
    const { admin: adminB, organization } = await addOrganization(app);
    expect((await adminB.get(url(approved, 'format=pdf&lang=en'))).json()).toMatchObject({
      status: 404,
      code: 'not_found',
    });
    const reviewB = await seedReview(app.database.db, organization.id, {
      status: 'held',
      heldOn: '2026-04-01',
    });
    expect((await manager.get(url(reviewB, 'format=xlsx&lang=en'))).statusCode).toBe(404);
    await fetchFile(adminB, reviewB, 'format=xlsx&lang=en');
  });
});
