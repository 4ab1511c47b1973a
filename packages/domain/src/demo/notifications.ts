import type { Db } from '@mamoru/db';
import { getDocument } from '@mamoru/db/repositories/documents';
import { unitHeadsOf } from '@mamoru/db/repositories/notifications';
import type { DueItem } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { notify } from '../notifications/create.ts';
import { escalationsFrom, remindersFrom } from '../notifications/reminders.ts';
import { dayIn, notifyIncidentDeadlines } from '../notifications/scheduled.ts';
import { settingsOf, updateSettings } from '../notifications/service.ts';

/**
 * Notifications of the sample company: the approvals the demo leaves waiting
 * notified their approvers already; here the company's mail domain is set,
 * the incident clocks are checked, and two reminders made through the same
 * rules the daily job uses: a document review due soon for the ISMS manager,
 * and one overdue for the IT manager that goes to his unit's head too.
 */
export async function createDemoNotifications(
  db: Db,
  who: { manager: RequestContext; itHead: RequestContext },
  documentIds: readonly string[],
) {
  const org = who.manager.actor.organizationId;
  const settings = await settingsOf(db, who.manager);
  if (settings.version === 0) {
    await updateSettings(db, who.manager, 0, { mailDomains: ['demo.mamoru.example'] });
  }
  const today = dayIn(new Date(), 'Asia/Tokyo');
  const shift = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const item = async (
    documentId: string,
    dueOn: string,
    person: RequestContext,
  ): Promise<DueItem | null> => {
    const doc = await getDocument(db, org, documentId);
    if (!doc) return null;
    return {
      kind: 'document_review',
      area: 'documents',
      subjectId: doc.id,
      key: `document_review:${doc.id}:${dueOn}`,
      title: `${doc.code} ${doc.title}`,
      dueOn,
      event: false,
      responsibleId: person.actor.userId,
      responsibleName: person.actor.displayName,
      href: `/documents/${doc.id}`,
    };
  };
  const items = (
    await Promise.all([
      documentIds[0] ? item(documentIds[0], shift(5), who.manager) : null,
      documentIds[1] ? item(documentIds[1], shift(-10), who.itHead) : null,
    ])
  ).filter((i): i is DueItem => i !== null);
  const heads = await unitHeadsOf(db, org);
  const drafts = [
    ...remindersFrom(items, today),
    ...escalationsFrom(items, today, 7, (id) => heads.get(id)),
  ];
  await db.transaction((tx) => notify(tx, org, drafts));
  await notifyIncidentDeadlines(db);
}
