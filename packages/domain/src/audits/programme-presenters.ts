import type { AuditProgrammeRow } from '@mamoru/db/repositories/audits-programmes';
import type { AuditProgramme } from '@mamoru/contracts';

export function presentProgramme(row: AuditProgrammeRow): AuditProgramme {
  const { organizationId: _org, ...rest } = row;
  return {
    ...rest,
    status: row.status as AuditProgramme['status'],
    approvedAt: row.approvedAt ? row.approvedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
