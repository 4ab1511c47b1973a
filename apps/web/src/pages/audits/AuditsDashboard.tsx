/** The internal audit dashboard (next audits, overdue follow-ups, coverage); content comes with the programme work. */
export function AuditsDashboard() {
  return null;
}
