import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanConformityLinks } from './link-scan.ts';

/**
 * The pages of the web app the conformity view links to, and the query
 * parameters each one reads (as its initial filter, tab or marked row). Kept
 * by hand, from apps/web/src/routes.tsx and the pages: a rule that links with
 * a parameter its page ignores, or to a page not listed, fails here. `:x` is
 * one path segment (an id).
 */
const PAGES: Record<string, readonly string[]> = {
  '/admin/audit': [],
  '/approvals': [],
  '/assets': ['owner', 'classificationId'], // AssetsPage
  '/conformity': ['tab', 'item', 'status'], // ConformityPage
  '/controls': ['tab', 'status', 'due', 'q', 'ownerId'], // ControlsPage, ControlRegister
  '/controls/:x': [],
  '/corrective-actions': [],
  '/corrective-actions/:x': ['action'], // ActionsSection marks the action
  '/documents': ['type', 'status', 'reviewDueBy', 'q', 'create', 'requirement'], // DocumentsPage
  '/documents/:x': [],
  '/documents/reviews': [],
  '/documents/to-read': [],
  '/improvement': ['status', 'source', 'overdue', 'evidence'], // ImprovementsPage
  '/improvement/:x': [],
  '/improvement/communications': ['agreement', 'channel'],
  '/improvement/proposals': ['status'],
  '/incidents': ['tab', 'status', 'type', 'severity', 'unitId', 'open', 'q'],
  '/incidents/:x': [],
  '/internal-audits': [],
  '/internal-audits/:x': ['tab', 'finding'], // AuditPage, FindingsPanel marks the finding
  '/internal-audits/auditors': [],
  '/internal-audits/programme': [],
  '/isms-events': [],
  '/legal': ['due', 'kind', 'status'], // LegalPage
  '/legal/:x': [],
  '/management-review': [],
  '/management-review/:x': ['tab'], // ReviewPage
  '/management-review/parties': [],
  '/objectives': [],
  '/objectives/:x': [],
  '/people': [],
  '/people/:x': [],
  '/people/gaps': ['status', 'unitId', 'userId'], // GapsPanel
  '/people/jobs': ['job'], // JobsPanel
  '/people/roles': ['role'], // RolesPanel
  '/records': ['status', 'legalHold', 'retentionDueBy'], // RecordsPage
  '/records/types': [],
  '/resources': ['year'], // ResourcesPage
  '/resources/:x': ['year'],
  // RegisterPage (FILTER_KEYS and `open`)
  '/risks': ['q', 'evaluation', 'treatmentOption', 'residualAcceptance', 'open', 'status'],
  '/risks/assessments': ['run', 'changeReview'], // AssessmentsPage, ChangeReviewsSection
  '/risks/method': [],
  '/risks/threats': [],
  '/risks/vulnerabilities': [],
  '/scope': [],
  '/statement-of-applicability': ['control'],
  '/training': [],
  '/training/completions': ['status', 'courseId', 'unitId'],
  '/training/courses/:x': [],
  '/training/my': [],
  '/training/sessions': ['status'],
  '/training/sessions/:x': [],
  '/treatment-plan': ['q', 'status', 'priority', 'ownerUserId', 'overdue', 'open', 'missing'],
};

const links = scanConformityLinks(fileURLToPath(new URL('.', import.meta.url)));

/** `/internal-audits/:x/…` → the PAGES key it falls under, or null. */
function pageOf(path: string): string | null {
  if (path in PAGES) return path;
  const parts = path.split('/');
  const key = Object.keys(PAGES).find((k) => {
    const ks = k.split('/');
    return ks.length === parts.length && ks.every((s, i) => s === ':x' || s === parts[i]);
  });
  return key ?? null;
}

describe('conformity links', () => {
  it('finds the links of the rules and the guidance (the scan is not empty)', () => {
    const files = new Set(links.map((l) => l.file.split('/')[0]));
    expect(files).toContain('rules');
    expect(files).toContain('guidance');
    expect(links.filter((l) => l.params.length > 0).length).toBeGreaterThan(30);
  });

  it('each link goes to a page of the web app', () => {
    const unknown = links.filter((l) => pageOf(l.path) === null);
    expect(unknown.map((l) => `${l.file}: ${l.path}`)).toEqual([]);
  });

  it('each query parameter of a link is one its page reads', () => {
    const unread = links.flatMap((l) => {
      const page = pageOf(l.path);
      if (page === null) return [];
      return l.params
        .filter((p) => !PAGES[page]?.includes(p))
        .map((p) => `${l.file}: ${l.path}?${p}`);
    });
    expect(unread).toEqual([]);
  });
});
