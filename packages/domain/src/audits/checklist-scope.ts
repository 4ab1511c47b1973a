import {
  flattenControls,
  flattenRequirements,
  type Control,
  type Library,
  type RequirementNode,
} from '@mamoru/catalog';
import { controlPrompt, referenceOf, requirementPrompt, type Bilingual } from './prompts.ts';

/**
 * Which requirement items and controls an audit's scope covers, as checklist
 * lines: one per requirement item (a leaf requirement) under a requirement ID of
 * the scope, and one per control under a control ID (or group) of the scope
 * that the SoA in force marks applicable. Document order throughout.
 */

export interface AuditScope {
  requirementIds: readonly string[];
  controlIds: readonly string[];
}

export interface ScopeLine {
  kind: 'requirement' | 'control';
  refId: string;
  prompt: Bilingual;
}

/** `id` is `scopeId` itself or lies beneath it (`6.4.a` under `6.4`, `9.4.2` under `9`). */
const within = (id: string, scopeIds: readonly string[]) =>
  scopeIds.some((s) => id === s || id.startsWith(`${s}.`));

export function requirementItemsInScope(lib: Library, requirementIds: readonly string[]) {
  return flattenRequirements(lib)
    .filter((f) => !f.node.children?.length && within(f.node.id, requirementIds))
    .map((f) => f.node);
}

export function applicableControlsInScope(
  lib: Library,
  controlIds: readonly string[],
  applicable: ReadonlySet<string>,
) {
  return flattenControls(lib)
    .filter((f) => applicable.has(f.control.id))
    .filter(
      (f) => within(f.control.id, controlIds) || f.groupIds.some((g) => controlIds.includes(g)),
    )
    .map((f) => f.control);
}

/** The lines a checklist generated from the scope holds. */
export function scopeLines(
  lib: Library,
  scope: AuditScope,
  applicable: ReadonlySet<string>,
): ScopeLine[] {
  return [
    ...requirementItemsInScope(lib, scope.requirementIds).map((node) => ({
      kind: 'requirement' as const,
      refId: node.id,
      prompt: requirementPrompt(node),
    })),
    ...applicableControlsInScope(lib, scope.controlIds, applicable).map((control) => ({
      kind: 'control' as const,
      refId: control.id,
      prompt: controlPrompt(control),
    })),
  ];
}

/** Catalog nodes by ID, to show a line's reference and title. */
export function catalogIndex(lib: Library) {
  const nodes = new Map<string, { displayId: Bilingual; title: Bilingual }>();
  const add = (n: RequirementNode | Control, key: string) =>
    nodes.set(key, {
      displayId: referenceOf(n),
      title: { ja: n.title.ja ?? '', en: n.title.en ?? n.title.ja ?? '' },
    });
  for (const f of flattenRequirements(lib)) add(f.node, `requirement:${f.node.id}`);
  for (const f of flattenControls(lib)) add(f.control, `control:${f.control.id}`);
  return nodes;
}
