import { describe, expect, it } from 'vitest';
import {
  flattenControls,
  flattenRequirements,
  shippedLibrary,
  type Library,
} from '@mamoru/catalog';
import { scopeLines } from './checklist-scope.ts';

const lib = (await shippedLibrary('jipdec-isms-2.0')) as Library;
const leaves = (prefix: string) =>
  flattenRequirements(lib).filter(
    (f) => !f.node.children?.length && (f.node.id === prefix || f.node.id.startsWith(`${prefix}.`)),
  );

describe('checklist lines from an audit scope', () => {
  it('has one line per requirement item and per applicable control in scope', () => {
    const applicable = new Set(['9.1.1', '9.2.1', '9.2.3', '3.1.1', '10.1.1']);
    const lines = scopeLines(
      lib,
      { requirementIds: ['6.4', '4.2.3'], controlIds: ['9'] },
      applicable,
    );
    const items = [...leaves('4.2.3'), ...leaves('6.4')].map((f) => f.node.id);
    expect(items.length).toBeGreaterThan(4);
    expect(
      lines
        .filter((l) => l.kind === 'requirement')
        .map((l) => l.refId)
        .sort(),
    ).toEqual(items.sort());
    // Controls of domain 9 that the SoA marks applicable; 3.1.1 and 10.1.1 lie outside the scope.
    expect(lines.filter((l) => l.kind === 'control').map((l) => l.refId)).toEqual([
      '9.1.1',
      '9.2.1',
      '9.2.3',
    ]);
    expect(lines).toHaveLength(items.length + 3);
  });

  it('takes a control, an objective or a domain as scope, never a control not applicable', () => {
    const all = new Set(flattenControls(lib).map((f) => f.control.id));
    const objective = flattenControls(lib).filter((f) => f.groupIds.includes('9.2'));
    expect(scopeLines(lib, { requirementIds: [], controlIds: ['9.2'] }, all)).toHaveLength(
      objective.length,
    );
    expect(scopeLines(lib, { requirementIds: [], controlIds: ['9.2.1'] }, all)).toHaveLength(1);
    expect(scopeLines(lib, { requirementIds: [], controlIds: ['9.2'] }, new Set())).toEqual([]);
  });

  it('words every prompt in Japanese and English around the catalog title', () => {
    const [line] = scopeLines(lib, { requirementIds: ['6.4.a'], controlIds: [] }, new Set());
    const node = leaves('6.4.a')[0]!.node;
    expect(line!.prompt.ja).toContain(`「${node.title.ja}」`);
    expect(line!.prompt.ja).toContain('第6 4. a');
    expect(line!.prompt.en).toContain(`"${node.title.en}"`);
    expect(line!.prompt.en).toContain('6.4 a');
  });
});
