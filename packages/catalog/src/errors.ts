/** One problem in a library or OSCAL file: a JSON pointer into the input and what is wrong there. */
export interface ValidationIssue {
  /** JSON pointer of the bad node, e.g. `/controlGroups/2/groups/0/controls/3/title` ('' = the whole document). */
  readonly path: string;
  readonly message: string;
}

// The message lists at most this many issues; `issues` keeps them all.
const MAX_LISTED = 20;

/**
 * A library (or an OSCAL catalog being imported) that cannot be used. The
 * message names the file and the JSON path of every bad node so that an author
 * can fix the file without a debugger; the HTTP layer can return `issues`.
 */
export class LibraryValidationError extends Error {
  readonly sourceName: string;
  readonly issues: readonly ValidationIssue[];

  constructor(sourceName: string, issues: readonly ValidationIssue[], what = 'invalid library') {
    const listed = issues.slice(0, MAX_LISTED).map((i) => `  ${i.path || '/'}: ${i.message}`);
    if (issues.length > MAX_LISTED) listed.push(`  … and ${issues.length - MAX_LISTED} more`);
    super(`${sourceName}: ${what}\n${listed.join('\n')}`);
    this.name = 'LibraryValidationError';
    this.sourceName = sourceName;
    this.issues = issues;
  }
}
