/** The audit page's FindingsPanel; its content comes with the checklist, findings and report work. */
export function FindingsPanel({ auditId }: { auditId: string }) {
  void auditId;
  return null;
}
