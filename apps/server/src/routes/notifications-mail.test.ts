import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Notification } from '@mamoru/contracts';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { notifications } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import { requestTestApproval } from '../testing/approvals.ts';
import {
  createUser,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { startSmtpCapture, type SmtpCapture } from '../testing/smtp.ts';

/**
 * Real mail: the server sends through SMTP to a server started in the test,
 * and the messages are read back as a mail client would.
 */
describeEachDatabase('notification email', (ctx) => {
  let app: App;
  let smtp: SmtpCapture;
  let admin: Client;
  let requester: Client;
  let approverJa: Client;

  const statusOf = async (c: Client, approvalId: string) => {
    const items = (await c.get('/api/v1/notifications?limit=200')).json<{ items: Notification[] }>()
      .items;
    return items.find((i) => i.subject.id === approvalId)?.emailStatus;
  };
  const settings = async (patch: object) => {
    const current = await admin.get('/api/v1/notification-settings');
    const res = await admin.put('/api/v1/notification-settings', patch, {
      headers: { 'if-match': current.headers.etag as string },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    const base = (await import('../config.ts')).loadConfig({
      LOG_LEVEL: 'silent',
      MAMORU_SMTP_URL: smtp.url,
      MAMORU_MAIL_FROM: 'Mamoru <isms@example.test>',
      MAMORU_PUBLIC_URL: 'https://isms.example.test/',
    });
    app = await buildTestApp(ctx.database, { mail: base.mail });
    ({ admin } = await setupOrganization(app));
    requester = await createUserAndLogin(admin, { roles: ['top_management'] });
    approverJa = await createUserAndLogin(admin, {
      roles: ['top_management'],
      locale: 'ja',
      displayName: '承認 花子',
    });
    await settings({ mailDomains: ['example.test'] });
    // Mail of the set-up (role grants) is not what these tests read.
    await notifications.dispatchImmediate(app.database.db);
    smtp.mails.length = 0;
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  it("mails an approval request at once, in each approver's language, with an unsubscribe link", async () => {
    // Through the API: the post-commit kick sends it, no scheduled job has run.
    const scope = await admin.put(
      '/api/v1/scope',
      { businessActivities: 'ISMS of the test' },
      { headers: { 'if-none-match': '*' } },
    );
    expect(scope.statusCode, scope.body).toBe(200);
    const asked = await admin.post(
      `/api/v1/scope/versions/${scope.json().id}/approval`,
      {},
      { headers: { 'if-match': `"${scope.json().version}"` } },
    );
    expect(asked.statusCode, asked.body).toBe(200);
    const mails = await smtp.waitFor(2);
    const mail = mails.find((m) => m.to.includes(approverJa.user.email));
    const english = mails.find((m) => m.to.includes(requester.user.email));
    expect(english!.subject).toMatch(/^\[Mamoru\] Approval requested: ISMS scope \(version \d+\)$/);
    expect(mail!.subject).toMatch(/^\[Mamoru\] 承認依頼: 適用範囲（第\d+版）$/);
    expect(mail!.text).toContain('承認 花子 様');
    expect(mail!.text).toContain('https://isms.example.test/approvals');
    expect(mail!.html).toContain('lang="ja"');
    expect(mail!.unsubscribeLinks).toHaveLength(1);
    const link = mail!.unsubscribeLinks[0]!;
    expect(
      link.startsWith('https://isms.example.test/api/v1/notifications/unsubscribe?token='),
    ).toBe(true);
    expect(mail!.listUnsubscribe).toBe(`<${link}>`);
    const [approval] = (await approverJa.get('/api/v1/notifications?limit=1')).json<{
      items: Notification[];
    }>().items;
    expect(approval).toMatchObject({ kind: 'approval_requested', emailStatus: 'sent' });

    // The link asks first (a link checker changes nothing), then turns the kind off.
    const path = new URL(link).pathname + new URL(link).search;
    const ask = await app.inject({ method: 'GET', url: path });
    expect(ask.body).toContain('メールを停止する');
    const before = await approverJa.get('/api/v1/me/notification-preferences');
    expect(before.json().kinds).toContainEqual({ kind: 'approval_requested', email: 'immediate' });
    const done = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('承認依頼');
    const after = await approverJa.get('/api/v1/me/notification-preferences');
    expect(after.json().kinds).toContainEqual({ kind: 'approval_requested', email: 'off' });

    const next = await requestTestApproval(app, requester);
    await notifications.dispatchImmediate(app.database.db);
    expect(await statusOf(approverJa, next.id)).toBe('not_needed');
    expect(smtp.mails.filter((m) => m.to.includes(approverJa.user.email))).toHaveLength(1);
    await approverJa.put('/api/v1/me/notification-preferences', {
      kinds: [{ kind: 'approval_requested', email: 'immediate' }],
    });
  });

  it('never mails an address outside the organization unless it is a named external recipient', async () => {
    const outsider = await createUser(admin, {
      roles: ['isms_manager'],
      email: `manager-${Date.now()}@outside.example`,
    });
    const approval = await requestTestApproval(app, admin, {
      approvalType: 'document',
      assigneeUserId: outsider.user.id,
    });
    const result = await notifications.dispatchImmediate(app.database.db);
    const status = await queryRows<{ email_status: string }>(
      app.database.db,
      sql`select email_status from notifications where subject_id = ${approval.id}`,
    );
    expect(status[0]!.email_status).toBe('suppressed');
    expect(result.sent).toBe(0);
    expect(smtp.mails.flatMap((m) => m.to)).not.toContain(outsider.email);

    await settings({ externalRecipients: [outsider.email] });
    const second = await requestTestApproval(app, admin, {
      approvalType: 'document',
      assigneeUserId: outsider.user.id,
    });
    await notifications.dispatchImmediate(app.database.db);
    const mail = (await smtp.waitFor(3)).at(-1)!;
    expect(mail.to).toEqual([outsider.email]);
    expect(mail.subject).toContain('Approval requested: Document');
    const rows = await queryRows<{ email_status: string }>(
      app.database.db,
      sql`select email_status from notifications where subject_id = ${second.id}`,
    );
    expect(rows[0]!.email_status).toBe('sent');
  });

  it('retries a refused mail with backoff and sends it later', async () => {
    smtp.mails.length = 0;
    smtp.refuse(1);
    const approval = await requestTestApproval(app, requester);
    const db = app.database.db;
    await notifications.dispatchImmediate(db);
    const row = async () =>
      (
        await queryRows<{ status: string; attempts: number; waiting: boolean }>(
          db,
          sql`select email_status as status, email_attempts as attempts,
            email_next_attempt_at > now() as waiting
            from notifications where subject_id = ${approval.id}`,
        )
      )[0]!;
    // The kick may have taken the first try; either way one attempt failed and waits.
    expect(await row()).toMatchObject({ status: 'failed', attempts: 1, waiting: true });
    await notifications.dispatchImmediate(db);
    expect((await row()).status).toBe('failed');
    await db.execute(
      sql`update notifications set email_next_attempt_at = now() where subject_id = ${approval.id}`,
    );
    await notifications.dispatchImmediate(db);
    expect(await row()).toMatchObject({ status: 'sent', attempts: 2 });
    expect((await smtp.waitFor(1))[0]!.to).toEqual([approverJa.user.email]);
  });

  it('gathers the rest in one digest per user, grouped by kind', async () => {
    smtp.mails.length = 0;
    const db = app.database.db;
    const draft = (kind: 'due_soon' | 'overdue', title: string, dueOn: string) => ({
      recipientId: requester.user.id,
      kind,
      subjectType: 'document_review',
      subjectId: title,
      title,
      params: { itemKind: 'document_review', area: 'documents', dueOn, days: 3 },
      href: '/documents',
      dedupeKey: `${kind}:${title}`,
    });
    await db.transaction((tx) =>
      notifications.notify(tx, requester.organization.id, [
        draft('due_soon', 'DOC-1 Policy', '2026-12-10'),
        draft('overdue', 'DOC-2 Procedure', '2026-12-01'),
        draft('due_soon', 'DOC-3 Rules', '2026-12-11'),
      ]),
    );
    const result = await notifications.sendDigests(db, new Date());
    expect(result.sent).toBe(3);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual([requester.user.email]);
    expect(mail!.subject).toBe('[Mamoru] Your notification digest (3)');
    expect(mail!.text).toMatch(/■ Due soon\n- Due soon: Document review "DOC-1 Policy"/);
    expect(mail!.text).toContain('■ Overdue\n- Overdue: Document review "DOC-2 Procedure"');
    // One link per kind in the body; the header's link covers both.
    expect(mail!.unsubscribeLinks).toHaveLength(2);
    // Sent once: the next run finds nothing due.
    expect((await notifications.sendDigests(db, new Date())).sent).toBe(0);
  });
});
