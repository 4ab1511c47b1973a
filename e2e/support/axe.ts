import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string | undefined }[];
}

export interface AxeOptions {
  /** A CSS selector to check instead of the whole document. */
  include?: string;
  /** CSS selectors to leave out of the check. */
  exclude?: string[];
  /** axe tags to run; WCAG 2.1 A/AA and best practices by default. */
  tags?: string[];
}

/**
 * Runs axe-core in the page. The script is evaluated through the DevTools
 * protocol, so a Content-Security-Policy on the page does not block it.
 */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const injected = await page.evaluate('typeof window.axe === "object"');
  if (!injected) await page.evaluate(axe.source);
  const args = {
    include: options.include ?? null,
    exclude: options.exclude ?? [],
    tags: options.tags ?? ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
  };
  return page.evaluate(async ({ include, exclude, tags }) => {
    const { axe: runner } = globalThis as unknown as { axe: typeof axe };
    // With no `include`, axe checks the whole document.
    const result = await runner.run(
      {
        ...(include ? { include: [[include]] } : {}),
        exclude: exclude.map((selector) => [selector]),
      },
      { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
    );
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }));
  }, args);
}

/** Violations at or above `serious`, which the browser tests treat as failures. */
export function seriousViolations(violations: AxeViolation[]) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable list for assertion messages. */
export function formatViolations(violations: AxeViolation[]) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    - ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`,
        )
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/** Fails the test when axe finds serious or critical violations on the page (or within `include`). */
export async function expectAccessible(page: Page, what?: string, include?: string) {
  const serious = seriousViolations(await runAxe(page, include ? { include } : {}));
  const where = what ? `axe found serious or critical violations on ${what}:\n` : '';
  expect(serious, `${where}${formatViolations(serious)}`).toEqual([]);
}

/**
 * Checks an open dialog (a Mantine Modal or Drawer, role="dialog") with axe, once it
 * is shown and its opening transition has ended (a half-faded dialog fails contrast).
 * Every browser test calls it for each dialog it opens.
 */
export async function expectDialogAccessible(dialog: Locator, what: string) {
  await dialog.waitFor({ state: 'visible' });
  const page = dialog.page();
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  const marker = 'data-axe-dialog';
  await dialog.evaluate((element, name) => element.setAttribute(name, ''), marker);
  try {
    await expectAccessible(page, `the dialog ${what}`, `[${marker}]`);
  } finally {
    await dialog.evaluate((element, name) => element.removeAttribute(name), marker);
  }
}
