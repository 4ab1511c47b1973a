import type { Tx } from '@mamoru/db';
import * as recordsRepo from '@mamoru/db/repositories/records';
import * as repo from '@mamoru/db/repositories/incidents';
import type { IncidentRow } from '@mamoru/db/repositories/incidents';
import { incidentSettingsOf } from '@mamoru/db/repositories/incidents-clocks';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { RECORD_ENTITY } from '../records/service.ts';
import { RECORD_TYPE_ENTITY } from '../records/types.ts';
import { retentionEnd, searchTextOf } from '../records/rules.ts';
import { auditable } from '../scope/common.ts';
import { INCIDENT_LEVEL_LABELS, INCIDENT_TYPE_LABELS } from './export.ts';
import { incidentReference } from './workflow.ts';

/**
 * The record a closed incident leaves in the records area (4.3.3), so that it
 * follows the records' retention, legal hold and approved disposal. Its record
 * type is created on the first closing and remembered in the settings; an
 * organization may change its retention there like any other type's.
 */

export const INCIDENT_RECORD_TYPE_CODE = 'INCIDENT';
/** Five years from closing unless the organization changes the type. */
const RETENTION_YEARS = 5;

const TYPE_TEXTS = {
  ja: { storage: 'Mamoru（データベース）', disposal: '承認を得てデータベースから削除する' },
  en: { storage: 'Mamoru (database)', disposal: 'Deleted from the database after approval' },
};

/** The type's id: the one in the settings, an existing INCIDENT type, or a new one. */
async function incidentRecordType(tx: Tx, ctx: RequestContext) {
  const org = ctx.actor.organizationId;
  const settings = await incidentSettingsOf(tx, org);
  if (settings.recordTypeId) {
    const type = await recordsRepo.getRecordType(tx, org, settings.recordTypeId);
    if (type) return type;
  }
  await repo.lockRecordTypeCreation(tx, org);
  const taken = await recordsRepo.recordTypeCodeTaken(tx, org, INCIDENT_RECORD_TYPE_CODE);
  let type = taken ? await recordsRepo.getRecordType(tx, org, taken) : null;
  if (!type) {
    const t = TYPE_TEXTS[ctx.actor.locale ?? 'ja'];
    const row = await recordsRepo.insertRecordType(tx, {
      organizationId: org,
      code: INCIDENT_RECORD_TYPE_CODE,
      nameJa: 'インシデント対応記録',
      nameEn: 'Incident response record',
      retentionValue: RETENTION_YEARS,
      retentionUnit: 'years',
      storageLocation: t.storage,
      disposalMethod: t.disposal,
      evidences: '4.3.3',
    });
    await recordAudit(tx, ctx, [
      {
        action: 'record_type.created',
        entityType: RECORD_TYPE_ENTITY,
        entityId: row.id,
        after: auditable(row),
      },
    ]);
    type = (await recordsRepo.getRecordType(tx, org, row.id))!;
  }
  await repo.setIncidentRecordType(tx, org, type.id);
  return type;
}

/** The calendar day in the time zone (YYYY-MM-DD). */
const dayIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);

/**
 * Keeps the closed incident's record and links it; returns the record's id.
 * Records are read more widely than incidents, so a confidential incident's
 * record holds its reference and dates only; the details stay in the incident.
 */
export async function keepClosingRecord(tx: Tx, ctx: RequestContext, incident: IncidentRow) {
  const org = ctx.actor.organizationId;
  const type = await incidentRecordType(tx, ctx);
  const { timeZone } = await incidentSettingsOf(tx, org);
  const reference = incidentReference(incident.number);
  const label = incident.confidential ? reference : `${reference} ${incident.title}`;
  const recordDate = dayIn(incident.closedAt ?? new Date(), timeZone);
  const en = ctx.actor.locale === 'en';
  const lang = en ? 'en' : 'ja';
  const lines = [
    [en ? 'Type' : '種別', INCIDENT_TYPE_LABELS[incident.type]?.[lang] ?? incident.type],
    [en ? 'Discovered' : '発見日時', incident.discoveredAt.toISOString()],
    [en ? 'Severity' : '重大度', INCIDENT_LEVEL_LABELS[incident.severity ?? '']?.[lang] ?? ''],
    [en ? 'Priority' : '優先度', incident.priority ? `P${incident.priority}` : ''],
    ...(incident.confidential
      ? [
          [
            en ? 'Details' : '詳細',
            en ? 'Confidential: see the incident' : '機密扱い：インシデントを参照',
          ],
        ]
      : [
          [en ? 'Root cause' : '根本原因', incident.rootCause],
          [en ? 'Lessons learned' : '得られた教訓', incident.lessonsLearned],
          [en ? 'Against recurrence' : '再発防止策', incident.recurrencePrevention],
        ]),
  ];
  const content = {
    title: label,
    description: lines.map(([k, v]) => `${k}: ${v}`).join('\n'),
    entries: {},
    links: [{ type: 'incident', id: incident.id, label }],
  };
  const record = await recordsRepo.insertRecord(tx, {
    organizationId: org,
    typeId: type.id,
    ...content,
    recordDate,
    retentionEnd: retentionEnd(recordDate, type.retentionValue, type.retentionUnit as 'years'),
    searchText: searchTextOf(content),
    createdBy: ctx.actor.userId,
    updatedBy: ctx.actor.userId,
  });
  await repo.setIncidentRecordId(tx, org, incident.id, record.id);
  await recordAudit(tx, ctx, [
    {
      action: 'record.created',
      entityType: RECORD_ENTITY,
      entityId: record.id,
      after: { typeId: type.id, ...content, recordDate, retentionEnd: record.retentionEnd },
    },
  ]);
  return record.id;
}
